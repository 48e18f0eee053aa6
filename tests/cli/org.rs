//! Org repos in CI: a folder of teams, cross-team rules, and every machine format.

use crate::support::{CLEAN_SMALL_TEAM, Scratch, check_json, findings_of, teamplan};

const ORG: &str = "examples/org";

fn check(format: &str, extra: &[&str]) -> (i32, String) {
    let out = teamplan()
        .args(["check", ORG, "--format", format])
        .args(extra)
        .output()
        .expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn the_org_example_has_exactly_one_cross_team_problem() {
    let (code, doc) = check_json(&[std::path::Path::new(ORG)], &[]);
    assert_eq!(code, 1);
    assert_eq!(
        doc["summary"],
        serde_json::json!({"errors": 1, "warnings": 0, "teams": 3, "people": 11})
    );
    let f = findings_of(&doc, "over-allocated");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["person"], "ines");
    let catalogs: Vec<&str> = doc["teams"]
        .as_array()
        .expect("teams")
        .iter()
        .filter_map(|t| t["catalog"].as_str())
        .collect();
    assert!(
        catalogs.contains(&"acme-retail"),
        "the custom catalog is used: {catalogs:?}"
    );
}

#[test]
fn every_format_on_the_org_example() {
    for format in ["human", "json", "github", "markdown", "sarif"] {
        let (code, out) = check(format, &[]);
        assert_eq!(code, 1, "{format}");
        insta::assert_snapshot!(format!("org_{format}"), out);
    }
}

#[test]
fn exit_codes_with_and_without_strict() {
    let s = Scratch::new();
    let warn_only = CLEAN_SMALL_TEAM.replace(
        "roles = [\"web-developer\"]",
        "roles = [\"web-developer\", \"qa-tester\"]",
    );
    s.write("teams/a.toml", &warn_only);
    let dir = s.path().join("teams");
    let run = |extra: &[&str]| {
        teamplan()
            .arg("check")
            .arg(&dir)
            .args(extra)
            .output()
            .expect("run")
            .status
            .code()
    };
    assert_eq!(run(&[]), Some(0), "warnings pass");
    assert_eq!(run(&["--strict"]), Some(1), "warnings fail under --strict");
    assert_eq!(run(&["--strict", "--allow", "conflicting-roles"]), Some(0));
    assert_eq!(run(&["--deny", "conflicting-roles"]), Some(1));
    assert_eq!(
        run(&["--format", "sarif", "--strict"]),
        Some(1),
        "exit codes do not depend on the format"
    );
}

#[test]
fn sarif_is_valid_against_the_sarif_2_1_0_schema() {
    // The published schema's `run.language` pattern has a stray `]` that the validator's
    // check of the schema itself rejects; it is replaced by the pattern it means. teamplan
    // does not emit `language`, so nothing it writes is judged by that pattern.
    let text = include_str!("../fixtures/sarif-schema-2.1.0.json").replace(
        r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#,
        r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#,
    );
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema");
    let validator = jsonschema::validator_for(&schema).expect("compile schema");
    assert!(
        !validator.is_valid(&serde_json::json!({ "version": "2.1.0" })),
        "the schema rejects a log without runs"
    );
    for paths in [
        &[ORG][..],
        &["examples/broken.toml"][..],
        &["examples/pine-and-pixel-small-team.toml"][..],
    ] {
        let out = teamplan()
            .arg("check")
            .args(paths)
            .args(["--format", "sarif"])
            .output()
            .expect("run");
        let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{paths:?}: {errors:#?}");
        assert_eq!(log["version"], "2.1.0");
    }
}

#[test]
fn github_annotations_escape_hostile_names() {
    let s = Scratch::new();
    let text = "[team]\nname = \"Evil, Inc: 100%\\r\\n::error::pwned\"\ncatalog = \"small-team\"\n";
    s.write("odd, name:1.toml", text);
    let out = teamplan()
        .arg("check")
        .arg(s.path())
        .args(["--format", "github"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert!(!lines.is_empty());
    // One line per finding: a newline in a name cannot start a command of its own.
    let (_, doc) = crate::support::check_json(&[s.path()], &[]);
    assert_eq!(lines.len(), doc["findings"].as_array().map_or(0, Vec::len));
    for line in &lines {
        assert!(
            line.starts_with("::error file=") || line.starts_with("::warning file="),
            "{line}"
        );
    }
    assert!(lines[0].contains("odd%2C name%3A1.toml"), "{}", lines[0]);
    assert!(
        lines[0]
            .contains("title=teamplan missing-role::Evil, Inc: 100%25%0D%0A::error::pwned: no one"),
        "{}",
        lines[0]
    );
}

#[test]
fn quiet_prints_only_the_summary_line() {
    let out = teamplan().args(["check", "-q", ORG]).output().expect("run");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "error: 3 teams (11 people) checked, 1 error, 0 warnings\n"
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn machine_formats_put_nothing_but_data_on_stdout() {
    for format in ["json", "sarif"] {
        let out = teamplan()
            .args(["check", ORG, "--format", format])
            .output()
            .expect("run");
        assert!(
            serde_json::from_slice::<serde_json::Value>(&out.stdout).is_ok(),
            "{format}"
        );
    }
}

//! `teamplan check` as a user runs it: exit codes, formats, folders, bad input.

use crate::support::{
    CLEAN_SMALL_TEAM, Scratch, check_json, findings_of, redact, rules, run, teamplan,
};

#[test]
fn examples_produce_the_findings_their_comments_promise() {
    let cases: [(&str, i32, &[&str]); 5] = [
        ("examples/pine-and-pixel-small-team.toml", 0, &[]),
        ("examples/northwind-b2b.toml", 0, &["overloaded"]),
        (
            "examples/ember-roast-d2c.toml",
            0,
            &[
                "missing-recommended-role",
                "outsourced-accountability",
                "not-informed",
            ],
        ),
        (
            "examples/lumiere-b2c.toml",
            1,
            &[
                "shared-single-role",
                "no-lead",
                "overloaded",
                "conflicting-roles",
                "missing-recommended-role",
            ],
        ),
        (
            "examples/broken.toml",
            1,
            &[
                "unknown-role",
                "missing-role",
                "conflicting-roles",
                "person-without-roles",
                "unknown-activity",
                "unknown-person",
                "no-lead",
                "overloaded",
            ],
        ),
    ];
    for (file, code, expected) in cases {
        let (got_code, doc) = check_json(&[std::path::Path::new(file)], &[]);
        let mut got = rules(&doc);
        got.sort();
        got.dedup();
        let mut want: Vec<String> = expected.iter().map(|s| (*s).to_owned()).collect();
        want.sort();
        assert_eq!(got, want, "{file}");
        assert_eq!(got_code, code, "{file}");
    }
}

#[test]
fn human_output_of_the_broken_example() {
    let (code, out, _) = run(&["check", "examples/broken.toml"]);
    assert_eq!(code, 1);
    assert!(!out.contains('\u{1b}'), "no colour when piped");
    insta::assert_snapshot!("check_broken_human", out);
}

#[test]
fn human_output_of_a_clean_team_says_so() {
    let (code, out, _) = run(&["check", "examples/pine-and-pixel-small-team.toml"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("check_clean_human", out);
}

#[test]
fn quiet_prints_only_the_summary_line() {
    let (code, out, _) = run(&["check", "-q", "examples/broken.toml"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "error: 1 team (4 people) checked, 5 errors, 3 warnings\n"
    );
}

#[test]
fn colour_is_used_only_when_asked_or_on_a_terminal() {
    let out = teamplan()
        .args(["--color", "always", "check", "examples/broken.toml"])
        .env_remove("NO_COLOR")
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn json_output_has_the_documented_shape() {
    let (code, doc) = check_json(&[std::path::Path::new("examples/northwind-b2b.toml")], &[]);
    assert_eq!(code, 0);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["teams"][0]["name"], "Northwind Supply");
    assert_eq!(doc["teams"][0]["catalog"], "b2b");
    assert_eq!(
        doc["summary"],
        serde_json::json!({"errors": 0, "warnings": 1, "teams": 1, "people": 14})
    );
    let f = &doc["findings"][0];
    assert_eq!(f["rule"], "overloaded");
    assert_eq!(f["level"], "warning");
    assert_eq!(f["team"], "Northwind Supply");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(44), Some(9))
    );
}

#[test]
fn strict_makes_warnings_fail() {
    let northwind = std::path::Path::new("examples/northwind-b2b.toml");
    assert_eq!(check_json(&[northwind], &[]).0, 0);
    assert_eq!(check_json(&[northwind], &["--strict"]).0, 1);
    assert_eq!(
        check_json(
            &[northwind],
            &[
                "--strict",
                "--allow",
                "overloaded",
                "--allow",
                "missing-recommended-role"
            ]
        )
        .0,
        0
    );
}

#[test]
fn unknown_rule_on_the_command_line_is_a_usage_error_with_a_suggestion() {
    let (code, _, err) = run(&["check", "examples/broken.toml", "--allow", "overloded"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `overloaded`?"), "{err}");
}

#[test]
fn all_files_are_checked_even_when_one_is_unreadable() {
    let s = Scratch::new();
    let good = s.write(
        "a.toml",
        &CLEAN_SMALL_TEAM.replace("roles = [\"web-developer\"]", "roles = []"),
    );
    let bad = s.write("b.toml", "[team\nname = 1");
    let (code, doc) = check_json(&[&good, &bad, &s.path().join("missing.toml")], &[]);
    assert_eq!(code, 2, "unreadable input wins");
    let got = rules(&doc);
    assert!(got.contains(&"missing-role".to_owned()), "{got:?}");
    assert_eq!(
        got.iter().filter(|r| *r == "parse-error").count(),
        2,
        "{got:?}"
    );
}

#[test]
fn parse_errors_have_a_position_and_a_snippet() {
    let s = Scratch::new();
    let path = s.write(
        "team.toml",
        "[team]\nname = \"X\"\ncatalog = \"b2b\"\n\n[people.a]\nnmae = \"A\"\n",
    );
    let out = teamplan().args(["check"]).arg(&path).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let text = redact(&String::from_utf8_lossy(&out.stdout), s.path());
    assert!(
        text.contains("error[parse-error]: unknown key `nmae`"),
        "{text}"
    );
    assert!(text.contains("[DIR]/team.toml:6:1"), "{text}");
    assert!(text.contains("nmae = \"A\""), "{text}");
    assert!(text.contains("did you mean `name`?"), "{text}");
}

#[test]
fn bad_values_are_shape_errors() {
    let cases = [
        ("fte = nan", "`fte` must be more than 0 and at most 1"),
        ("fte = inf", "`fte` must be more than 0 and at most 1"),
        ("fte = -0.5", "`fte` must be more than 0 and at most 1"),
        ("fte = 0", "`fte` must be more than 0 and at most 1"),
        ("fte = 1.0000001", "`fte` must be more than 0 and at most 1"),
        ("fte = \"full\"", "invalid type"),
        ("engagement = \"freelancer\"", "unknown value `freelancer`"),
        ("roles = [\"qa-tester\"]", "duplicate key"),
    ];
    for (line, message) in cases {
        let s = Scratch::new();
        let text = CLEAN_SMALL_TEAM.replace(
            "roles = [\"web-developer\"]",
            &format!("roles = [\"web-developer\"]\n{line}"),
        );
        let path = s.write("team.toml", &text);
        let (code, doc) = check_json(&[&path], &[]);
        assert_eq!(code, 2, "{line}");
        let f = findings_of(&doc, "parse-error");
        assert!(
            f[0]["message"]
                .as_str()
                .unwrap_or_default()
                .contains(message),
            "{line}: {}",
            f[0]
        );
        assert_eq!(f[0]["line"], 12, "{line}");
    }
}

#[test]
fn unknown_catalog_suggests_a_builtin() {
    let s = Scratch::new();
    let path = s.write(
        "team.toml",
        &CLEAN_SMALL_TEAM.replace("small-team", "smal-team"),
    );
    let (code, doc) = check_json(&[&path], &[]);
    assert_eq!(code, 2);
    assert!(
        doc["findings"][0]["help"]
            .as_str()
            .unwrap_or_default()
            .contains("`small-team`")
    );
}

#[test]
fn folders_are_searched_recursively_and_non_team_files_are_said() {
    let s = Scratch::new();
    s.write("teams/a.toml", &CLEAN_SMALL_TEAM.replace("Clean", "A"));
    s.write(
        "teams/nested/b.toml",
        &CLEAN_SMALL_TEAM
            .replace("Clean", "B")
            .replace("[people.", "[people.b-"),
    );
    s.write("teams/notes.toml", "title = \"not a team\"\n");
    s.write("teams/.hidden/c.toml", "garbage [");
    s.write("teams/target/d.toml", "garbage [");
    s.write("teams/readme.md", "not toml");
    let (code, doc) = check_json(&[&s.path().join("teams")], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(doc["summary"]["teams"], 2);
    let not_team = findings_of(&doc, "not-a-team-file");
    assert_eq!(not_team.len(), 1);
    assert!(
        not_team[0]["file"]
            .as_str()
            .unwrap_or_default()
            .ends_with("notes.toml")
    );
    let (code, doc) = check_json(&[&s.path().join("teams")], &["--exclude", "notes.toml"]);
    assert_eq!((code, rules(&doc)), (0, vec![]));
}

#[test]
fn cross_team_rules_fire_across_files() {
    let s = Scratch::new();
    let a = CLEAN_SMALL_TEAM.replace("Clean", "Shop").replace(
        "roles = [\"ecommerce-manager\"]",
        "roles = [\"ecommerce-manager\"]\nfte = 0.7",
    );
    let b = CLEAN_SMALL_TEAM
        .replace("[people.", "[people.b-")
        .replace("[people.b-maya]", "[people.maya]")
        .replace(
            "roles = [\"ecommerce-manager\"]",
            "roles = [\"ecommerce-manager\"]\nfte = 0.5",
        )
        .replace("name = \"Maya\"", "name = \"Maya M.\"");
    s.write("org/a.toml", &a);
    s.write("org/b.toml", &b.replace("Clean", "Shop"));
    let (code, doc) = check_json(&[&s.path().join("org")], &[]);
    assert_eq!(code, 1);
    let over = findings_of(&doc, "over-allocated");
    assert_eq!(over.len(), 1);
    assert!(
        over[0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("1.2 fte across teams"),
        "{}",
        over[0]
    );
    assert_eq!(over[0]["teams"], serde_json::json!(["Shop", "Shop"]));
    assert_eq!(findings_of(&doc, "duplicate-team").len(), 1);
    let inconsistent = findings_of(&doc, "inconsistent-person");
    assert_eq!(inconsistent.len(), 1);
    assert_eq!(inconsistent[0]["person"], "maya");
}

#[test]
fn an_explicit_file_without_a_team_table_is_unreadable() {
    let s = Scratch::new();
    let path = s.write("x.toml", "a = 1\n");
    let (code, doc) = check_json(&[&path], &[]);
    assert_eq!(code, 2);
    assert_eq!(rules(&doc), vec!["parse-error"]);
}

#[test]
fn no_arguments_is_a_usage_error() {
    let (code, _, err) = run(&["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("PATH"), "{err}");
}

#[test]
fn hostile_names_do_not_reach_the_terminal_raw() {
    let s = Scratch::new();
    let text = "[team]\nname = \"Evil\\u001b[31m\\u202e\"\ncatalog = \"small-team\"\n\n[people.x]\nname = \"X\\u001b[2J|y\\nz\"\nroles = [\"nope\\u001b[0m\"]\n";
    let path = s.write("team.toml", text);
    let out = teamplan().arg("check").arg(&path).output().expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains('\u{1b}'), "{stdout}");
    assert!(!stdout.contains('\u{202e}'), "{stdout}");
    assert!(stdout.contains("\\u{1b}"), "{stdout}");
}

#[test]
fn clicolor_force_and_no_color_are_honoured() {
    let forced = teamplan()
        .args(["check", "examples/broken.toml"])
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .expect("run");
    assert!(
        String::from_utf8_lossy(&forced.stdout).contains('\u{1b}'),
        "CLICOLOR_FORCE colours a pipe"
    );
    let never = teamplan()
        .args(["--color", "never", "check", "examples/broken.toml"])
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .expect("run");
    assert!(
        !String::from_utf8_lossy(&never.stdout).contains('\u{1b}'),
        "--color never wins"
    );
}

#[test]
fn a_misspelt_role_reads_before_the_gap_it_causes() {
    let s = Scratch::new();
    let path = s.write(
        "team.toml",
        "[team]\nname = \"T\"\ncatalog = \"small-team\"\n\n[people.a]\nroles = [\"ecommerce-managr\", \"digital-marketing-specialist\", \"web-developer\", \"customer-service-representative\"]\n",
    );
    let path = path.to_string_lossy();
    let (code, out, _) = run(&["check", "--color", "never", &path]);
    assert_eq!(code, 1, "{out}");
    let cause = out.find("error[unknown-role]").expect("unknown-role");
    let consequence = out.find("error[missing-role]").expect("missing-role");
    assert!(cause < consequence, "{out}");
    // JSON keeps the same order.
    let (_, json, _) = run(&["check", "--format", "json", &path]);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    let rules = crate::support::rules(&doc);
    assert_eq!(rules, ["unknown-role", "missing-role"], "{json}");
}

#[test]
fn a_file_that_does_not_parse_prints_no_table_of_zeros() {
    let s = Scratch::new();
    let path = s.write(
        "team.toml",
        "[team]\nname = \"T\"\ncatalog = \"small-team\"\n[people.a]\nfte = 0\n",
    );
    let (code, out, _) = run(&["check", "--color", "never", &path.to_string_lossy()]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("error[parse-error]"), "{out}");
    assert!(!out.contains("┆"), "no summary table: {out}");
    assert!(
        out.trim_end()
            .ends_with("error: no team checked, 1 error, 0 warnings"),
        "{out}"
    );
}

#[test]
fn several_missing_recommended_roles_read_as_one_finding_but_stay_one_per_role_in_json() {
    let s = Scratch::new();
    let path = s.write(
        "team.toml",
        "[team]\nname = \"T\"\ncatalog = \"b2b\"\n\n\
         [people.em]\nroles = [\"ecommerce-manager\"]\n\
         [people.web]\nroles = [\"web-developer\"]\n\
         [people.dm]\nroles = [\"digital-marketing-specialist\"]\n\
         [people.pm]\nroles = [\"product-manager\"]\n\
         [people.cs]\nroles = [\"customer-service-representative\"]\n\
         [people.an]\nroles = [\"analytics-specialist\"]\n",
    );
    let path = path.to_string_lossy();
    let (_, json, _) = run(&["check", "--format", "json", &path]);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    let missing: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "missing-recommended-role")
        .filter_map(|f| f["role"].as_str())
        .collect();
    assert!(missing.len() > 2, "{json}");
    assert!(missing.contains(&"sales-representative"), "{json}");

    let (_, out, _) = run(&["check", "--color", "never", &path]);
    assert_eq!(
        out.matches("warning[missing-recommended-role]").count(),
        1,
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "warning[missing-recommended-role]: {} recommended roles have no holder",
            missing.len()
        )),
        "{out}"
    );
    for role in &missing {
        assert!(out.contains(&format!("(`{role}`)")), "{role} listed: {out}");
    }
    // The summary still counts one warning per role, as JSON does.
    let warnings = doc["summary"]["warnings"].as_u64().expect("warnings");
    assert!(warnings >= missing.len() as u64, "{json}");
    assert!(out.contains(&format!("{warnings} warnings")), "{out}");
}

#[test]
fn messages_wrap_to_a_narrow_terminal_and_stay_whole_when_piped() {
    let text = crate::support::in_terminal(60, "check examples/lumiere-b2c.toml");
    // Every line of a message fits; only a quoted source line may be wider.
    for line in text
        .lines()
        .filter(|l| !l.contains(" │ ") && !l.contains('━'))
    {
        assert!(line.trim_end().chars().count() <= 60, "{line:?} in\n{text}");
    }
    assert!(text.contains("(`hugo`)"), "ids are never split: {text}");
    // Piped, each message is one line, for grep and CI logs.
    let (_, piped, _) = crate::support::run(&["check", "examples/lumiere-b2c.toml"]);
    assert!(
        piped.contains("warning[overloaded]: Hugo Martin (`hugo`) is accountable or responsible for 13 activities; at 0.3 fte the `b2c` catalog allows 9\n"),
        "{piped}"
    );
}

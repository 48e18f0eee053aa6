//! The example org, `examples/northstar`: 39 people in six department files under one
//! `[org]`, several holders per role with leads. Healthy as shipped; each way of breaking
//! it gives the one finding that says so.

use std::path::{Path, PathBuf};

use crate::support::{Scratch, check_json, redact, rules, teamplan};

const NORTHSTAR: &str = "examples/northstar";

/// A copy of the example org in a scratch repository, to break.
fn copy() -> (Scratch, PathBuf) {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path().join(".git")).expect("mkdir");
    for entry in std::fs::read_dir(NORTHSTAR).expect("example") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path).expect("read");
        s.write(&format!("northstar/{name}"), &text);
    }
    let dir = s.path().join("northstar");
    (s, dir)
}

fn units(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "org.toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn the_example_org_checks_clean_from_any_path_in_it() {
    let (code, doc) = check_json(&[Path::new(NORTHSTAR)], &[]);
    assert_eq!((code, rules(&doc)), (0, vec![]), "{doc:#}");
    assert_eq!(
        doc["summary"],
        serde_json::json!({"errors": 0, "warnings": 0, "teams": 6, "orgs": 1, "people": 39})
    );
    let org = Path::new(NORTHSTAR).join("org.toml");
    for path in std::iter::once(org).chain(units(Path::new(NORTHSTAR))) {
        let (code, doc) = check_json(&[&path], &[]);
        assert_eq!(
            (code, rules(&doc)),
            (0, vec![]),
            "{}: {doc:#}",
            path.display()
        );
    }
}

#[test]
fn the_example_orgs_report_reads_as_the_readme_shows() {
    let out = teamplan().args(["check", NORTHSTAR]).output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    insta::assert_snapshot!(text);
    // From a unit's file, the same report; the README shows it.
    let unit = teamplan()
        .args(["check", "examples/northstar/sales.toml"])
        .output()
        .expect("run");
    assert_eq!(String::from_utf8_lossy(&unit.stdout), text);
    let readme = std::fs::read_to_string("README.md").expect("README");
    assert!(
        readme.contains(&format!(
            "$ teamplan check examples/northstar/sales.toml\n{text}"
        )),
        "README.md shows the example org's report"
    );
}

/// Take `role` from everyone in the org: out of their `roles` and `leads`, and a person left
/// with no role goes.
fn remove_role(dir: &Path, role: &str) {
    for path in units(dir) {
        let text = std::fs::read_to_string(&path).expect("read");
        let mut doc: toml_edit::DocumentMut = text.parse().expect("toml");
        let Some(people) = doc.get_mut("people").and_then(|p| p.as_table_like_mut()) else {
            continue;
        };
        let mut gone = Vec::new();
        for (id, person) in people.iter_mut() {
            let Some(person) = person.as_table_like_mut() else {
                continue;
            };
            for key in ["roles", "leads"] {
                if let Some(list) = person.get_mut(key).and_then(|l| l.as_array_mut()) {
                    list.retain(|v| v.as_str() != Some(role));
                }
            }
            let empty = person
                .get("roles")
                .and_then(|l| l.as_array())
                .is_some_and(toml_edit::Array::is_empty);
            if empty {
                gone.push(id.get().to_owned());
            }
        }
        for id in gone {
            people.remove(&id);
        }
        std::fs::write(&path, doc.to_string()).expect("write");
    }
}

#[test]
fn taking_every_holder_of_a_required_role_away_gives_exactly_one_missing_role() {
    let out = teamplan()
        .args(["catalog", "show", "b2b", "--format", "json"])
        .output()
        .expect("run");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let required: Vec<String> = doc["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .filter(|r| r["requirement"] == "required")
        .filter_map(|r| r["id"].as_str().map(str::to_owned))
        .collect();
    assert!(required.len() >= 5, "{required:?}");
    for role in &required {
        let (_s, dir) = copy();
        remove_role(&dir, role);
        let (code, doc) = check_json(&[&dir], &[]);
        assert_eq!(code, 1, "{role}: {doc:#}");
        assert_eq!(rules(&doc), ["missing-role"], "{role}: {doc:#}");
        let f = &doc["findings"][0];
        assert_eq!(f["role"], role.as_str());
        assert!(f["file"].as_str().unwrap_or_default().ends_with("org.toml"));
    }
}

#[test]
fn one_person_over_booked_in_two_units_and_spelt_two_ways_gives_two_findings() {
    let (s, dir) = copy();
    for (unit, name) in [
        ("sales.toml", "Lena Hoffmann"),
        ("customer-service.toml", "Lena Hofmann"),
    ] {
        let path = dir.join(unit);
        let text = std::fs::read_to_string(&path).expect("read");
        let at = text.find("[people.lena]").expect("lena");
        let (head, tail) = text.split_at(at);
        let tail = tail.replacen("fte = 0.5", "fte = 0.8", 1).replacen(
            "name = \"Lena Hoffmann\"",
            &format!("name = \"{name}\""),
            1,
        );
        s.write(&format!("northstar/{unit}"), &format!("{head}{tail}"));
    }
    let (code, doc) = check_json(&[&dir], &[]);
    assert_eq!(code, 1);
    assert_eq!(
        rules(&doc),
        ["over-allocated", "inconsistent-person"],
        "{doc:#}"
    );
    let levels: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["level"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(levels, ["error", "warning"]);
    let over = &doc["findings"][0];
    assert!(
        over["message"]
            .as_str()
            .unwrap_or_default()
            .contains("is allocated 1.6 fte across units: 0.8 in"),
        "{over:#}"
    );
    // The human report says the same, from the folder or from either unit.
    let out = teamplan()
        .args(["check", &dir.join("sales.toml").to_string_lossy()])
        .output()
        .expect("run");
    let text = redact(&String::from_utf8_lossy(&out.stdout), s.path());
    assert!(text.contains("error[over-allocated]"), "{text}");
    assert!(text.contains("warning[inconsistent-person]"), "{text}");
}

#[test]
fn checking_the_org_file_reports_every_units_findings() {
    let (s, dir) = copy();
    let sales = std::fs::read_to_string(dir.join("sales.toml")).expect("read");
    s.write(
        "northstar/sales.toml",
        &sales.replacen("leads = [\"sales-representative\"]\n", "", 1),
    );
    let (code, doc) = check_json(&[&dir.join("org.toml")], &[]);
    assert_eq!(
        (code, rules(&doc)),
        (1, vec!["no-lead".to_owned()]),
        "{doc:#}"
    );
    // From another unit, the finding in sales.toml is not said (pre-commit passes only the
    // files that changed).
    let (code, doc) = check_json(&[&dir.join("digital.toml")], &[]);
    assert_eq!((code, rules(&doc)), (0, vec![]), "{doc:#}");
}

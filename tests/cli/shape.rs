//! The shape check: every shape problem of a team or catalog file in one run, each at its
//! own place, worded in the file format's terms.

use std::fmt::Write as _;

use serde_json::Value;

use crate::support::{CLEAN_SMALL_TEAM, Scratch, check_json, findings_of, run};

/// (line, column, message, help) of each parse-error finding.
fn parse_errors(doc: &Value) -> Vec<(u64, u64, String, String)> {
    findings_of(doc, "parse-error")
        .into_iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap_or(0),
                f["column"].as_u64().unwrap_or(0),
                f["message"].as_str().unwrap_or_default().to_owned(),
                f["help"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_shape_problem_of_a_team_file_is_reported_in_one_run() {
    let s = Scratch::new();
    let path = s.write(
        "team.toml",
        "[team]\nname = \"Shop\"\n\n[people.maya]\nnmae = \"Maya\"\nfte = \"full\"\nengagement = \"freelancer\"\n",
    );
    let (code, doc) = check_json(&[&path], &[]);
    assert_eq!(code, 2, "{doc}");
    let got = parse_errors(&doc);
    let places: Vec<(u64, u64)> = got.iter().map(|(l, c, _, _)| (*l, *c)).collect();
    // A missing `catalog` is said once the shape is right: a unit of an org may leave it out.
    assert_eq!(places, [(5, 1), (6, 7), (7, 14)], "{got:#?}");
    let expect = [
        (
            "unknown key `nmae` in [people.maya]",
            "did you mean `name`? expected one of",
        ),
        (
            "invalid type: expected a number, found string \"full\"",
            "write a number, as in `fte = 0.5`",
        ),
        ("unknown value `freelancer`", "expected one of `employee`"),
    ];
    for ((_, _, message, help), (want, want_help)) in got.iter().zip(expect) {
        assert_eq!(message, want);
        assert!(help.starts_with(want_help), "{help}");
    }
}

#[test]
fn a_date_where_a_string_belongs_is_said_to_be_a_date() {
    let s = Scratch::new();
    let path = s.write(
        "team.toml",
        &CLEAN_SMALL_TEAM.replace("name = \"Tom\"", "name = 2024-05-01"),
    );
    let (code, doc) = check_json(&[&path], &[]);
    assert_eq!(code, 2, "{doc}");
    let got = parse_errors(&doc);
    assert_eq!(got.len(), 1, "{got:#?}");
    let (line, column, message, help) = &got[0];
    assert_eq!((*line, *column), (10, 8));
    assert_eq!(
        message,
        "invalid type: expected a string in quotes, found a date `2024-05-01`"
    );
    assert_eq!(
        help,
        "write a string in quotes, as in `name = \"2024-05-01\"`"
    );
}

#[test]
fn more_than_one_accountable_is_explained() {
    let s = Scratch::new();
    let path = s.write(
        "team.toml",
        &format!("{CLEAN_SMALL_TEAM}\n[raci.checkout]\naccountable = [\"maya\", \"tom\"]\n"),
    );
    let (code, doc) = check_json(&[&path], &[]);
    assert_eq!(code, 2, "{doc}");
    let got = parse_errors(&doc);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(
        got[0].2,
        "exactly one person is accountable: move the others to `responsible` or `consulted`"
    );
    assert_eq!((got[0].0, got[0].1), (22, 15));
}

#[test]
fn a_huge_unknown_key_is_cut_short_and_gets_no_suggestion() {
    let s = Scratch::new();
    let key = format!("nam{}", "e".repeat(100_000));
    let path = s.write(
        "team.toml",
        &CLEAN_SMALL_TEAM.replace("name = \"Tom\"", &format!("{key} = \"Tom\"")),
    );
    let (code, doc) = check_json(&[&path], &[]);
    assert_eq!(code, 2, "{doc}");
    let got = parse_errors(&doc);
    assert_eq!(got.len(), 1, "{got:#?}");
    let (line, column, message, help) = &got[0];
    assert_eq!((*line, *column), (10, 1));
    assert!(message.starts_with("unknown key `nameee"), "{message}");
    assert!(message.chars().count() < 200, "{} chars", message.len());
    assert!(!help.contains("did you mean"), "{help}");
    assert!(help.starts_with("expected one of `backfills`"), "{help}");
}

#[test]
fn a_misspelt_catalog_key_gets_a_suggestion_with_the_other_problems() {
    let s = Scratch::new();
    let path = s.write(
        "catalog.toml",
        "extends = \"b2b\"\ntitel = \"Acme\"\n\n[roles.growth-lead]\ntitle = \"Growth lead\"\nrequirement = \"requird\"\n\n[limits]\nra-per-fte = \"many\"\n",
    );
    let (code, out, _) = run(&["catalog", "check", &path.to_string_lossy()]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("catalog.toml:2:1"), "{out}");
    assert!(out.contains("did you mean `title`?"), "{out}");
    let (code, doc) = check_json(&[&path], &[]);
    assert_eq!(code, 2, "{doc}");
    let got = parse_errors(&doc);
    let summary: Vec<(u64, u64, &str)> = got
        .iter()
        .map(|(l, c, m, _)| (*l, *c, m.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (2, 1, "unknown key `titel`"),
            (6, 15, "unknown value `requird`"),
            (
                9,
                14,
                "invalid type: expected a number, found string \"many\""
            ),
        ]
    );
    assert!(
        got[0].3.starts_with("did you mean `title`?"),
        "{}",
        got[0].3
    );
    assert!(
        got[1].3.starts_with("did you mean `required`?"),
        "{}",
        got[1].3
    );
}

#[test]
fn a_shape_problem_in_a_new_catalog_activity() {
    let s = Scratch::new();
    let path = s.write(
        "catalog.toml",
        "extends = \"b2b\"\n\n[activities.growth]\ntitle = \"Growth\"\narea = \"marketting\"\nraci = { accountable = [\"a\", \"b\"] }\n",
    );
    let (code, doc) = check_json(&[&path], &[]);
    assert_eq!(code, 2, "{doc}");
    let got = parse_errors(&doc);
    let summary: Vec<(u64, u64, &str)> = got
        .iter()
        .map(|(l, c, m, _)| (*l, *c, m.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (5, 8, "unknown value `marketting`"),
            (
                6,
                8,
                "missing field `responsible` in [activities.growth.raci]"
            ),
            (
                6,
                24,
                "exactly one role is accountable: move the others to `responsible` or `consulted`"
            ),
        ],
        "{got:#?}"
    );
    assert!(
        got[0].3.starts_with("did you mean `marketing`?"),
        "{}",
        got[0].3
    );
}

#[test]
fn what_serde_still_refuses_is_reported_as_it_says_at_its_place() {
    // The schema says "an integer"; the type reads an i64: the shape check passes it and
    // serde's own message is shown, at the value.
    let s = Scratch::new();
    let path = s.write(
        "catalog.toml",
        "extends = \"b2b\"\n\n[limits]\nroles-per-person = 99999999999999999999\n",
    );
    let (code, doc) = check_json(&[&path], &[]);
    assert_eq!(code, 2, "{doc}");
    let got = parse_errors(&doc);
    assert_eq!(got.len(), 1, "{got:#?}");
    let (line, column, message, help) = &got[0];
    assert_eq!((*line, *column), (4, 20));
    assert!(message.contains("i64"), "{message}");
    assert!(help.starts_with("fix the value at this place"), "{help}");
}

#[test]
fn thousands_of_unknown_rules_are_reported_compactly() {
    let s = Scratch::new();
    let mut rules = String::new();
    for i in 0..5000 {
        let _ = writeln!(rules, "rule-{i:05} = \"allow\"");
    }
    let text = format!("{CLEAN_SMALL_TEAM}\n[rules]\n{rules}");
    let path = s.write("team.toml", &text);
    let (code, doc) = check_json(&[&path], &[]);
    assert_eq!(code, 2);
    let findings = doc["findings"].as_array().expect("findings");
    assert_eq!(
        findings.len(),
        6,
        "five one by one, then one for the rest: {doc}"
    );
    let last = findings[5]["message"].as_str().expect("message");
    assert!(
        last.starts_with("4995 more unknown keys in [rules]: `rule-00005`"),
        "{last}"
    );
    assert!(last.ends_with("and 4990 more"), "{last}");
}

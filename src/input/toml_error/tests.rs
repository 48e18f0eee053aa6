use std::sync::Arc;

use super::{Wording, describe, no_rewording, shape_findings, syntax_error};
use crate::diag::source::SourceFile;
use crate::input::shape::{Bound, Found, Kinds, Problem, Step};

fn key(k: &str) -> Step {
    Step::Key(k.to_owned())
}

fn person(field: &str) -> Vec<Step> {
    vec![key("people"), key("maya"), key(field)]
}

#[test]
fn unknown_keys_get_a_suggestion_and_the_keys_expected() {
    let w = describe(&Problem::UnknownKey {
        path: vec![key("people"), key("maya")],
        key: "nmae".into(),
        span: 0..4,
        expected: vec!["name".into(), "roles".into(), "fte".into()],
    });
    assert_eq!(w.message, "unknown key `nmae` in [people.maya]");
    assert_eq!(
        w.help,
        "did you mean `name`? expected one of `name`, `roles`, `fte`"
    );
}

#[test]
fn huge_names_are_cut_and_get_no_suggestion() {
    let name = "n".repeat(100_000);
    let w = describe(&Problem::UnknownKey {
        path: vec![],
        key: name,
        span: 0..100_000,
        expected: vec!["name".into(), "roles".into()],
    });
    assert!(w.message.len() < 200, "{}", w.message.len());
    assert!(w.message.starts_with("unknown key `nnnn"), "{}", w.message);
    assert_eq!(w.help, "expected one of `name`, `roles`");
    // Just over the limit: still no suggestion, though it is one letter from a key.
    let name = format!("{}x", "k".repeat(128));
    let close = "k".repeat(128);
    let w = describe(&Problem::UnknownValue {
        path: vec![],
        value: name,
        choices: vec![close],
        span: 0..1,
    });
    assert!(!w.help.contains("did you mean"), "{}", w.help);
}

#[test]
fn wrong_types_are_said_in_the_file_format_words() {
    let w = describe(&Problem::WrongType {
        path: person("fte"),
        expected: Kinds::NUMBER,
        items: None,
        found: Found::String("full".into()),
        span: 0..1,
    });
    assert_eq!(
        w.message,
        "invalid type: expected a number, found string \"full\""
    );
    assert_eq!(w.help, "write a number, as in `fte = 0.5`");
    let w = describe(&Problem::WrongType {
        path: person("name"),
        expected: Kinds::STRING,
        items: None,
        found: Found::Date("2024-05-01".into()),
        span: 0..1,
    });
    assert_eq!(
        w.message,
        "invalid type: expected a string in quotes, found a date `2024-05-01`"
    );
    assert_eq!(
        w.help,
        "write a string in quotes, as in `name = \"2024-05-01\"`"
    );
    let w = describe(&Problem::WrongType {
        path: person("roles"),
        expected: Kinds::ARRAY,
        items: Some(Kinds::STRING),
        found: Found::String("qa-tester".into()),
        span: 0..1,
    });
    assert_eq!(w.help, "write a list, as in `roles = [\"qa-tester\"]`");
    let w = describe(&Problem::WrongType {
        path: vec![key("team")],
        expected: Kinds::TABLE,
        items: None,
        found: Found::Integer("3".into()),
        span: 0..1,
    });
    assert_eq!(
        (w.message.as_str(), w.help.as_str()),
        (
            "invalid type: expected a table, found integer `3`",
            "write a table, as in `[team]`"
        )
    );
}

#[test]
fn unknown_values_list_the_choices() {
    let w = describe(&Problem::UnknownValue {
        path: person("engagement"),
        value: "freelancer".into(),
        choices: vec!["employee".into(), "contractor".into(), "agency".into()],
        span: 0..1,
    });
    assert_eq!(w.message, "unknown value `freelancer`");
    assert_eq!(w.help, "expected one of `employee`, `contractor`, `agency`");
}

#[test]
fn missing_keys_and_bounds() {
    let w = describe(&Problem::MissingKey {
        path: vec![key("team")],
        key: "catalog".into(),
        expected: Kinds::STRING,
        table_span: 0..1,
    });
    assert_eq!(
        (w.message.as_str(), w.help.as_str()),
        ("missing field `catalog` in [team]", "add `catalog = ...`")
    );
    let w = describe(&Problem::MissingKey {
        path: vec![],
        key: "team".into(),
        expected: Kinds::TABLE,
        table_span: 0..1,
    });
    assert_eq!(w.help, "add a `[team]` table");
    let w = describe(&Problem::OutOfRange {
        path: person("fte"),
        value: f64::NAN,
        min: Some(Bound {
            value: 0.0,
            exclusive: true,
        }),
        max: Some(Bound {
            value: 1.0,
            exclusive: false,
        }),
        span: 0..1,
    });
    assert_eq!(
        w.message,
        "`fte` must be more than 0 and at most 1, not NaN"
    );
}

#[test]
fn findings_point_at_each_problem_and_reword_is_applied() {
    let text = "[team]\nname = \"x\"\n\n[people.a]\nfte = \"full\"\n";
    let source = Arc::new(SourceFile::new("t.toml", text.to_owned()));
    let start = text.find("\"full\"").unwrap_or_default();
    let problems = [
        Problem::MissingKey {
            path: vec![key("team")],
            key: "catalog".into(),
            expected: Kinds::STRING,
            // The whole table: the finding points at its first line only.
            table_span: 0..18,
        },
        Problem::WrongType {
            path: vec![key("people"), key("a"), key("fte")],
            expected: Kinds::NUMBER,
            items: None,
            found: Found::String("full".into()),
            span: start..start + 6,
        },
    ];
    let findings = shape_findings(&problems, &source, no_rewording);
    let places: Vec<_> = findings
        .iter()
        .map(|f| (f.line, f.column, f.span.clone()))
        .collect();
    assert_eq!(places, [(1, 1, Some(0..6)), (5, 7, Some(start..start + 6))]);
    let shout = |_: &Problem, w: Wording| Wording {
        message: w.message.to_uppercase(),
        help: w.help,
    };
    let findings = shape_findings(&problems[1..], &source, shout);
    assert!(
        findings[0].message.starts_with("INVALID TYPE"),
        "{}",
        findings[0].message
    );
}

#[test]
fn syntax_errors_keep_the_parser_message_and_span() {
    let text = "[team]\nname = \"x\"\nname = \"y\"\n";
    let source = Arc::new(SourceFile::new("t.toml", text.to_owned()));
    let Err(err) = toml::de::DeTable::parse(text) else {
        panic!("a duplicate key is a syntax error");
    };
    let f = syntax_error(&err, &source);
    assert_eq!(f.message, err.message().trim());
    assert_eq!((f.line, f.column), (3, 1));
}

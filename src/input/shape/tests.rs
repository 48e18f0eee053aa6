use schemars::JsonSchema;
use serde_json::json;

use super::node::Shape;
use super::problem::{Bound, Found, Kinds, Problem, Step};

#[derive(JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[allow(dead_code)]
struct File {
    team: Section,
    #[serde(default)]
    people: indexmap::IndexMap<String, Person>,
}

#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Section {
    name: String,
    catalog: String,
}

#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Person {
    name: Option<String>,
    roles: Option<Vec<String>>,
    #[schemars(range(min = 0.0, max = 1.0))]
    fte: Option<f64>,
    engagement: Option<Engagement>,
    level: Option<u8>,
}

/// With a description on each variant, schemars writes a `oneOf` of constants.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
enum Engagement {
    /// On staff.
    Employee,
    /// Outside.
    Contractor,
}

fn problems(text: &str) -> Vec<Problem> {
    let shape = Shape::from_schema(schemars::schema_for!(File).as_value());
    let doc = toml::de::DeTable::parse(text).expect("valid TOML");
    shape.check(&doc)
}

fn key(k: &str) -> Step {
    Step::Key(k.to_owned())
}

#[test]
fn a_clean_file_has_no_problem() {
    let text = "[team]\nname = \"x\"\ncatalog = \"b2b\"\n[people.a]\nroles = [\"r\"]\nfte = 1\nengagement = \"contractor\"\nlevel = 3\n";
    assert_eq!(problems(text), []);
}

#[test]
fn every_problem_of_a_file_is_found_in_order() {
    let text = "[team]\nname = \"x\"\n\n[people.a]\nnmae = \"A\"\nfte = \"full\"\nengagement = \"freelancer\"\n";
    let found = problems(text);
    let at = |needle: &str| text.find(needle).expect("in text");
    assert_eq!(
        found,
        [
            Problem::MissingKey {
                path: vec![key("team")],
                key: "catalog".into(),
                expected: Kinds::STRING,
                table_span: 0..6,
            },
            Problem::UnknownKey {
                path: vec![key("people"), key("a")],
                key: "nmae".into(),
                span: at("nmae")..at("nmae") + 4,
                expected: ["engagement", "fte", "level", "name", "roles"]
                    .map(String::from)
                    .into(),
            },
            Problem::WrongType {
                path: vec![key("people"), key("a"), key("fte")],
                expected: Kinds::NUMBER,
                items: None,
                found: Found::String("full".into()),
                span: at("\"full\"")..at("\"full\"") + 6,
            },
            Problem::UnknownValue {
                path: vec![key("people"), key("a"), key("engagement")],
                value: "freelancer".into(),
                choices: vec!["employee".into(), "contractor".into()],
                span: at("\"freelancer\"")..at("\"freelancer\"") + 12,
            },
        ]
    );
}

#[test]
fn what_is_found_is_said_by_its_toml_kind() {
    let base = "[team]\nname = \"x\"\ncatalog = \"b2b\"\n[people.a]\n";
    let found_at_name = |value: &str| match &problems(&format!("{base}name = {value}\n"))[..] {
        [Problem::WrongType { found, .. }] => found.clone(),
        other => panic!("{value}: {other:?}"),
    };
    assert_eq!(
        found_at_name("2024-05-01"),
        Found::Date("2024-05-01".into())
    );
    assert_eq!(
        found_at_name("2024-05-01T10:00:00Z"),
        Found::Date("2024-05-01T10:00:00Z".into())
    );
    assert_eq!(found_at_name("10:00:00"), Found::Time("10:00:00".into()));
    assert_eq!(found_at_name("{ a = 1 }"), Found::Table);
    assert_eq!(found_at_name("[1]"), Found::List);
    assert_eq!(found_at_name("0x1f"), Found::Integer("0x1f".into()));
    assert_eq!(found_at_name("1.5"), Found::Float("1.5".into()));
    assert_eq!(found_at_name("true"), Found::Boolean(true));
    // A list's items are checked one by one.
    match &problems(&format!("{base}roles = [\"r\", 3]\n"))[..] {
        [Problem::WrongType { path, found, .. }] => {
            assert_eq!(path.last(), Some(&Step::Index(1)));
            assert_eq!(*found, Found::Integer("3".into()));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn numbers_are_checked_against_the_bounds_and_their_type() {
    let base = "[team]\nname = \"x\"\ncatalog = \"b2b\"\n[people.a]\n";
    let one = |line: &str| {
        let mut p = problems(&format!("{base}{line}\n"));
        assert!(p.len() <= 1, "{line}: {p:?}");
        p.pop()
    };
    assert_eq!(one("fte = 0"), None);
    assert_eq!(one("fte = 1"), None);
    for bad in [
        "fte = 1.5",
        "fte = -0.1",
        "fte = nan",
        "fte = inf",
        "fte = 2",
    ] {
        match one(bad) {
            Some(Problem::OutOfRange { min, max, .. }) => {
                assert_eq!(
                    (min, max),
                    (
                        Some(Bound {
                            value: 0.0,
                            exclusive: false
                        }),
                        Some(Bound {
                            value: 1.0,
                            exclusive: false
                        })
                    )
                );
            }
            other => panic!("{bad}: {other:?}"),
        }
    }
    assert!(matches!(
        one("fte = 1e400"),
        Some(Problem::TooLarge { integer: false, .. })
    ));
    // u8: a whole number from 0 to 255, so a float is the wrong type.
    assert!(matches!(
        one("level = 300"),
        Some(Problem::OutOfRange { .. })
    ));
    assert!(matches!(
        one("level = 3.0"),
        Some(Problem::WrongType {
            expected: Kinds::INTEGER,
            ..
        })
    ));
    assert!(matches!(
        one("level = 99999999999999999999"),
        Some(Problem::OutOfRange { .. })
    ));
    assert!(matches!(
        one(&format!("level = 9{}", "0".repeat(40))),
        Some(Problem::TooLarge { integer: true, .. })
    ));
}

#[test]
fn a_table_where_a_value_belongs_and_the_reverse() {
    let found = problems("team = \"x\"\n[people]\na = 3\n");
    let kinds: Vec<(Kinds, Found)> = found
        .iter()
        .map(|p| match p {
            Problem::WrongType {
                expected, found, ..
            } => (*expected, found.clone()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (Kinds::TABLE, Found::String("x".into())),
            (Kinds::TABLE, Found::Integer("3".into()))
        ]
    );
}

#[test]
fn huge_values_are_cut_short_in_what_is_found() {
    let long = "x".repeat(100_000);
    let text = format!("[team]\nname = \"x\"\ncatalog = \"b2b\"\n[people.a]\nfte = \"{long}\"\n");
    match &problems(&text)[..] {
        [
            Problem::WrongType {
                found: Found::String(s),
                ..
            },
        ] => assert!(s.chars().count() < 100, "{}", s.len()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn paths_match_patterns() {
    let found = problems("[team]\nname = \"x\"\ncatalog = \"b2b\"\n[people.a]\nfte = 2\n");
    assert!(found[0].is_at(&["people", "*", "fte"]));
    assert!(!found[0].is_at(&["people", "*"]));
    assert!(!found[0].is_at(&["raci", "*", "fte"]));
}

#[test]
fn nesting_costs_no_stack() {
    // A table holding itself, 50,000 deep, with an unknown key at the bottom: checked on a
    // thread with a 64 KiB stack, which recursion one frame a level would overflow.
    let schema = json!({
        "$ref": "#/$defs/Node",
        "$defs": { "Node": {
            "type": "object",
            "properties": { "a": { "$ref": "#/$defs/Node" } },
            "additionalProperties": false
        } }
    });
    let shape = Shape::from_schema(&schema);
    let depth = 50_000;
    let key = |k: &'static str| toml::Spanned::new(0..1, std::borrow::Cow::Borrowed(k));
    let mut table = toml::de::DeTable::new();
    table.insert(
        key("bogus"),
        toml::Spanned::new(0..1, toml::de::DeValue::Boolean(true)),
    );
    for _ in 0..depth {
        let mut outer = toml::de::DeTable::new();
        outer.insert(
            key("a"),
            toml::Spanned::new(0..1, toml::de::DeValue::Table(table)),
        );
        table = outer;
    }
    let doc = toml::Spanned::new(0..1, table);
    let found = std::thread::Builder::new()
        .stack_size(64 * 1024)
        .spawn(move || {
            let found = shape.check(&doc);
            // Dropping 50,000 nested tables recurses in the toml crate: not this test's matter.
            std::mem::forget(doc);
            found
        })
        .expect("thread")
        .join()
        .expect("no stack overflow");
    match &found[..] {
        [Problem::UnknownKey { path, key, .. }] => {
            assert_eq!(key, "bogus");
            assert_eq!(path.len(), depth);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unions_and_references_compile_to_kinds_and_choices() {
    let schema = json!({
        "type": "object",
        "properties": {
            "catalog": { "anyOf": [
                { "type": "string", "enum": ["b2b", "b2c"] },
                { "type": "string", "pattern": "\\.toml$" }
            ] },
            "level": { "type": "string", "enum": ["allow", "deny"] },
            "either": { "anyOf": [{ "type": "integer" }, { "type": "array", "items": { "type": "string" } }] },
            "sub": { "$ref": "#/$defs/Sub", "description": "a table" }
        },
        "additionalProperties": false,
        "$defs": { "Sub": { "type": "object", "required": ["x"] } }
    });
    let shape = Shape::from_schema(&schema);
    let check = |text: &str| shape.check(&toml::de::DeTable::parse(text).expect("toml"));
    // Any string fits `catalog` (one alternative has no list of values).
    assert_eq!(check("catalog = \"mine.toml\""), []);
    assert!(matches!(
        &check("level = \"warn\"")[..],
        [Problem::UnknownValue { choices, .. }] if choices == &["allow", "deny"]
    ));
    assert_eq!(check("either = 3\n"), []);
    assert_eq!(check("either = [\"a\"]\n"), []);
    assert!(matches!(
        &check("either = [1]\n")[..],
        [Problem::WrongType {
            expected: Kinds::STRING,
            ..
        }]
    ));
    assert!(matches!(
        &check("either = true\n")[..],
        [Problem::WrongType { expected, items: Some(Kinds::STRING), .. }]
            if *expected == Kinds::INTEGER.union(Kinds::ARRAY)
    ));
    assert!(matches!(
        &check("[sub]\ny = 1\n")[..],
        [Problem::MissingKey { key, .. }] if key == "x"
    ));
}

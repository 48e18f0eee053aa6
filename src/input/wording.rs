//! What each shape problem says by default, in the words of the file format: the key and
//! table concerned, what was expected with an example, and a "did you mean".

use crate::diag::source::shorten;
use crate::diag::suggest;
use crate::input::shape::{Bound, Found, Kinds, Problem, Step};

/// Names longer than this get no "did you mean": no key is that long, and comparing a
/// megabyte-long name with every candidate is slow.
pub const MAX_SUGGEST_BYTES: usize = 128;

/// Names and values quoted in a message are cut to this many characters.
const MAX_NAME_CHARS: usize = 60;

/// A finding's message and help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    pub message: String,
    pub help: String,
}

/// The default wording of a problem.
#[must_use]
pub fn describe(problem: &Problem) -> Wording {
    match problem {
        Problem::UnknownKey {
            path,
            key,
            expected,
            ..
        } => {
            let name = shorten(key, MAX_NAME_CHARS);
            let help = match closest(key, expected) {
                Some(s) => format!("did you mean `{s}`? expected {}", list(expected)),
                None if expected.is_empty() => format!("remove `{name}`: this table has no keys"),
                None => format!("expected {}", list(expected)),
            };
            Wording {
                message: format!("unknown key `{name}`{}", in_table(path)),
                help,
            }
        }
        Problem::WrongType {
            path,
            expected,
            items,
            found,
            ..
        } => {
            if *expected == Kinds::NONE {
                return Wording {
                    message: format!("{} is not allowed here", found_phrase(found)),
                    help: "remove it".to_owned(),
                };
            }
            let what = expected_phrase(*expected);
            Wording {
                message: format!(
                    "invalid type: expected {what}, found {}",
                    found_phrase(found)
                ),
                help: format!(
                    "write {what}, as in `{}`",
                    example(path, *expected, *items, found)
                ),
            }
        }
        Problem::UnknownValue { value, choices, .. } => {
            let help = match closest(value, choices) {
                Some(s) => format!("did you mean `{s}`? expected {}", list(choices)),
                None => format!("expected {}", list(choices)),
            };
            Wording {
                message: format!("unknown value `{}`", shorten(value, MAX_NAME_CHARS)),
                help,
            }
        }
        Problem::MissingKey {
            path,
            key,
            expected,
            ..
        } => {
            let mut table = path.clone();
            table.push(Step::Key(key.clone()));
            let help = if *expected == Kinds::TABLE {
                format!("add a `[{}]` table", dotted(&table))
            } else {
                format!("add `{} = ...`", toml_key(key))
            };
            Wording {
                message: format!("missing field `{}`{}", toml_key(key), in_table(path)),
                help,
            }
        }
        Problem::OutOfRange {
            path,
            value,
            min,
            max,
            ..
        } => {
            let range = range_phrase(*min, *max);
            Wording {
                message: format!("`{}` must be {range}, not {value}", last_key(path)),
                help: format!("write a number {range}"),
            }
        }
        Problem::TooLarge { text, integer, .. } => {
            if *integer {
                Wording {
                    message: format!("integer `{text}` is too large"),
                    help: "write a smaller number".to_owned(),
                }
            } else {
                Wording {
                    message: format!("floating-point number overflowed: `{text}` is too large"),
                    help: "write a smaller number".to_owned(),
                }
            }
        }
    }
}

/// The closest of `candidates` to `name`, if `name` is short enough to be a typo.
#[must_use]
pub fn closest<'c>(name: &str, candidates: &'c [String]) -> Option<&'c str> {
    if name.len() > MAX_SUGGEST_BYTES {
        return None;
    }
    suggest::did_you_mean(name, candidates.iter().map(String::as_str))
}

/// "`a`" or "one of `a`, `b`, `c`".
#[must_use]
pub fn list(items: &[String]) -> String {
    match items {
        [one] => format!("`{one}`"),
        _ => format!(
            "one of {}",
            items
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// What a place takes, as the file format says it.
#[must_use]
pub fn expected_phrase(kinds: Kinds) -> String {
    let mut parts = Vec::new();
    if kinds.contains(Kinds::STRING) {
        parts.push("a string in quotes");
    }
    if kinds.contains(Kinds::FLOAT) {
        parts.push("a number");
    } else if kinds.contains(Kinds::INTEGER) {
        parts.push("a whole number");
    }
    for (kind, phrase) in [
        (Kinds::BOOLEAN, "true or false"),
        (Kinds::DATETIME, "a date"),
        (Kinds::ARRAY, "a list"),
        (Kinds::TABLE, "a table"),
    ] {
        if kinds.contains(kind) {
            parts.push(phrase);
        }
    }
    match parts.split_last() {
        None => "nothing".to_owned(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// What a value is, as in "found ...".
#[must_use]
pub fn found_phrase(found: &Found) -> String {
    match found {
        Found::String(s) => format!("string {s:?}"),
        Found::Integer(t) => format!("integer `{t}`"),
        Found::Float(t) => format!("float `{t}`"),
        Found::Boolean(b) => format!("boolean `{b}`"),
        Found::Date(t) => format!("a date `{t}`"),
        Found::Time(t) => format!("a time `{t}`"),
        Found::List => "a list".to_owned(),
        Found::Table => "a table".to_owned(),
    }
}

/// A line that would fit: the key (or, in a list, the item alone) with a value of the first
/// kind expected, made from the value found where that helps (`"2024-05-01"` for a date
/// where a string belongs, `["qa"]` for a string where a list belongs).
fn example(path: &[Step], expected: Kinds, items: Option<Kinds>, found: &Found) -> String {
    let lhs = match path.last() {
        Some(Step::Key(k)) => format!("{} = ", toml_key(k)),
        _ => String::new(),
    };
    let as_written = match found {
        Found::Integer(t) | Found::Float(t) | Found::Date(t) | Found::Time(t) => Some(t.clone()),
        Found::Boolean(b) => Some(b.to_string()),
        Found::String(_) | Found::List | Found::Table => None,
    };
    let value = if expected.contains(Kinds::STRING) {
        format!("{:?}", as_written.as_deref().unwrap_or("..."))
    } else if expected.contains(Kinds::FLOAT) {
        "0.5".to_owned()
    } else if expected.contains(Kinds::INTEGER) {
        "3".to_owned()
    } else if expected.contains(Kinds::BOOLEAN) {
        "true".to_owned()
    } else if expected.contains(Kinds::DATETIME) {
        // A date written in quotes is the date without them.
        match found {
            Found::String(s) if s.trim_matches('"').parse::<toml::value::Datetime>().is_ok() => {
                s.trim_matches('"').to_owned()
            }
            _ => "2027-01-31".to_owned(),
        }
    } else if expected.contains(Kinds::ARRAY) {
        match (items, found) {
            (Some(k), Found::String(s)) if k.contains(Kinds::STRING) => format!("[{s:?}]"),
            (Some(k), _) if k.contains(Kinds::STRING) => "[\"...\", \"...\"]".to_owned(),
            (Some(k), _) if k.contains(Kinds::INTEGER) => "[1, 2]".to_owned(),
            _ => "[...]".to_owned(),
        }
    } else if expected.contains(Kinds::TABLE) && !lhs.is_empty() {
        return format!("[{}]", dotted(path));
    } else {
        "{ ... }".to_owned()
    };
    format!("{lhs}{value}")
}

/// "more than 0 and at most 1".
fn range_phrase(min: Option<Bound>, max: Option<Bound>) -> String {
    let min = min.map(|b| {
        let word = if b.exclusive { "more than" } else { "at least" };
        format!("{word} {}", b.value)
    });
    let max = max.map(|b| {
        let word = if b.exclusive { "less than" } else { "at most" };
        format!("{word} {}", b.value)
    });
    match (min, max) {
        (Some(a), Some(b)) => format!("{a} and {b}"),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => "a number".to_owned(),
    }
}

/// The key a value is under: its own, or its list's.
#[must_use]
pub fn last_key(path: &[Step]) -> String {
    path.iter()
        .rev()
        .find_map(|s| match s {
            Step::Key(k) => Some(toml_key(k)),
            Step::Index(_) => None,
        })
        .unwrap_or_else(|| "value".to_owned())
}

/// " in [people.maya]", or nothing at the top of the document.
pub fn in_table(path: &[Step]) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!(" in [{}]", dotted(path))
    }
}

/// A path as TOML writes it: `people.maya.roles`, with the index of a list item as `[2]`.
#[must_use]
pub fn dotted(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&toml_key(k));
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// A key as it would be written: bare when it can be, quoted otherwise; cut short.
#[must_use]
pub fn toml_key(key: &str) -> String {
    let key = shorten(key, MAX_NAME_CHARS);
    let bare = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if bare {
        key.into_owned()
    } else {
        format!("{key:?}")
    }
}

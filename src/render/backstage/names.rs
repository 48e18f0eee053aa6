//! Entity names: what Backstage accepts, made from any name people write, distinct.

use std::collections::{HashMap, HashSet};

/// The longest entity name (and namespace) Backstage accepts.
pub const MAX_NAME: usize = 63;

/// Whether `name` is a Backstage entity name as teamplan writes them: 1 to 63 characters,
/// runs of `[a-z0-9]` joined by single `-`, `_` or `.`.
#[must_use]
pub fn is_entity_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= MAX_NAME
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(b))
        && bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
        && !bytes
            .windows(2)
            .any(|w| !w[0].is_ascii_alphanumeric() && !w[1].is_ascii_alphanumeric())
}

/// Whether `namespace` is a Backstage namespace: 1 to 63 characters, runs of `[a-z0-9]`
/// joined by `-` (Backstage's `^[a-z0-9]+(?:-+[a-z0-9]+)*$`).
#[must_use]
pub fn is_namespace(namespace: &str) -> bool {
    let b = namespace.as_bytes();
    (1..=MAX_NAME).contains(&b.len())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric)
}

/// `raw` as an entity name: letters transliterated to ASCII and lower-cased, every run of
/// other characters one `-`, cut to `max` characters; `fallback` when nothing is left.
pub(super) fn slug(raw: &str, max: usize, fallback: &str) -> String {
    let mut out = String::new();
    for c in deunicode::deunicode(raw).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(max);
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out.to_owned()
    }
}

/// Distinct names for `wanted`, in order. A name marked to keep (an id that already is an
/// entity name) is kept; any other already taken gets `-2`, `-3`, …; the notes say which.
pub(super) fn distinct(
    wanted: &[(String, bool)],
    kind: &str,
    raws: &[&str],
) -> (Vec<String>, Vec<String>) {
    let taken: HashSet<&str> = wanted
        .iter()
        .filter(|(_, keep)| *keep)
        .map(|(n, _)| n.as_str())
        .collect();
    let mut owned: HashSet<String> = HashSet::new();
    // The next number to try for each name: many people whose ids make one name are
    // numbered in one pass, not by counting up from 2 for each.
    let mut next: HashMap<&str, usize> = HashMap::new();
    let mut notes = Vec::new();
    let names = wanted
        .iter()
        .zip(raws)
        .map(|((name, keep), raw)| {
            if *keep {
                return name.clone();
            }
            let mut out = name.clone();
            let n = next.entry(name.as_str()).or_insert(2);
            while taken.contains(out.as_str()) || owned.contains(&out) {
                let suffix = format!("-{n}");
                out = format!("{}{suffix}", slug(name, MAX_NAME - suffix.len(), kind));
                *n += 1;
            }
            if out != *name {
                notes.push(format!(
                    "{kind} `{}` is exported as `{out}`: `{name}` is taken; give it a name (or id) that differs in more than case and punctuation to choose its entity name",
                    crate::diag::source::shorten(raw, 80)
                ));
            }
            owned.insert(out.clone());
            out
        })
        .collect();
    (names, notes)
}

#[cfg(test)]
mod tests {
    use super::{distinct, is_entity_name, is_namespace, slug};

    #[test]
    fn names_follow_backstages_rule() {
        for good in ["a", "maya", "maya.ortiz", "a-b_c.d", "x1", &"a".repeat(63)] {
            assert!(is_entity_name(good), "{good}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "a-.b",
            "Maya",
            "a b",
            "é",
            &"a".repeat(64),
        ] {
            assert!(!is_entity_name(bad), "{bad}");
        }
        assert!(is_namespace("acme-retail") && is_namespace("a--b"));
        for bad in [
            "acme_retail",
            "Retail",
            "-a",
            "a-",
            "",
            "a.b",
            &"a".repeat(64),
        ] {
            assert!(!is_namespace(bad), "{bad}");
        }
    }

    #[test]
    fn slugs_transliterate_and_join_runs() {
        assert_eq!(
            slug("Digital & E-commerce", 63, "team"),
            "digital-e-commerce"
        );
        assert_eq!(slug("José Núñez", 63, "person"), "jose-nunez");
        assert_eq!(slug("!!!", 63, "person"), "person");
        assert_eq!(slug(&"ab ".repeat(40), 63, "x").len(), 62);
    }

    #[test]
    fn names_are_distinct_and_those_kept_are_never_renamed() {
        let wanted: Vec<(String, bool)> = [
            ("maya", false),
            ("maya", true),
            ("maya", false),
            ("ops-team", false),
            ("ops-team", false),
        ]
        .iter()
        .map(|(n, keep)| ((*n).to_owned(), *keep))
        .collect();
        let raws = ["Maya", "maya", "MAYA", "ops team", "Ops Team"];
        let (names, notes) = distinct(&wanted, "person", &raws);
        assert_eq!(
            names,
            ["maya-2", "maya", "maya-3", "ops-team", "ops-team-2"]
        );
        assert_eq!(notes.len(), 3, "{notes:?}");
        assert!(notes[0].starts_with("person `Maya` is exported as `maya-2`"));
        let long = "x".repeat(63);
        let (names, _) = distinct(
            &[(long.clone(), false), (long, false)],
            "person",
            &["a", "b"],
        );
        assert!(names.iter().all(|n| is_entity_name(n)), "{names:?}");
        assert_ne!(names[0], names[1]);
    }
}

//! The parser's errors as findings, with a position and a "did you mean".

use std::sync::Arc;

use crate::diag::finding::Finding;
use crate::diag::rule::Rule;
use crate::diag::source::{SourceFile, shorten};
use crate::diag::suggest;

/// Parser messages longer than this are cut in the middle (they may quote the input).
const MAX_MESSAGE_CHARS: usize = 300;

/// Names longer than this get no "did you mean": no key is that long, and comparing a
/// megabyte-long name with every candidate is slow.
const MAX_SUGGEST_BYTES: usize = 128;

/// A parse or shape error from `toml`/`serde` as a finding, with "did you mean" for unknown
/// keys and values.
pub fn toml_error(err: &toml::de::Error, source: &Arc<SourceFile>) -> Finding {
    let mut message = err.message().trim().to_owned();
    if message.starts_with("duplicate key") {
        if let Some(key) = err.span().and_then(|s| source.text.get(s)) {
            if key.len() < 80 && !key.contains('\n') {
                message = format!("duplicate key `{}`", key.trim());
            }
        }
    }
    let (message, help) = explain_serde_message(&message);
    // serde echoes bad values ("invalid type: string \"...\""): keep a 50 MB string out.
    Finding::new(
        Rule::ParseError,
        source,
        err.span().map(|s| source.char_span(&s)),
        shorten(&message, MAX_MESSAGE_CHARS),
        shorten(&help, MAX_MESSAGE_CHARS),
    )
}

/// serde's messages name the accepted keys; turn that list into a suggestion.
fn explain_serde_message(message: &str) -> (String, String) {
    for kind in ["unknown field", "unknown variant"] {
        let Some(rest) = message.strip_prefix(kind) else {
            continue;
        };
        // The name may itself contain ", expected ": the list follows the last one.
        let (got, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        let got = got.trim().trim_matches('`');
        // A key too long to be a typo of a short one: no suggestion (and no slow comparison).
        let suggest = got.len() <= MAX_SUGGEST_BYTES;
        let got = shorten(got, 60);
        let candidates: Vec<&str> = expected
            .trim_start_matches("one of ")
            .split(", ")
            .map(|s| s.trim_matches('`'))
            .filter(|s| !s.is_empty())
            .collect();
        let what = if kind == "unknown field" {
            "key"
        } else {
            "value"
        };
        let message = format!("unknown {what} `{got}`");
        let close = suggest
            .then(|| suggest::did_you_mean(&got, candidates.iter().copied()))
            .flatten();
        let help = match close {
            Some(s) => format!("did you mean `{s}`? expected {}", list(&candidates)),
            None if candidates.is_empty() => format!("remove `{got}`"),
            None => format!("expected {}", list(&candidates)),
        };
        return (message, help);
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((got, expected)) = rest.rsplit_once(", expected ") {
            let (what, example) = expected_type(expected);
            return (
                format!("invalid type: expected {what}, found {got}"),
                format!("write {what}, as in {example}"),
            );
        }
    }
    if message.contains("max recursion depth") {
        return (
            "nested too deep: the parser stops at this level".to_owned(),
            "a team file nests a few levels at most (tables holding lists of strings); remove the nesting".to_owned(),
        );
    }
    if message.starts_with("missing field") {
        let field = message
            .trim_start_matches("missing field")
            .trim()
            .trim_matches('`');
        return (message.to_owned(), format!("add `{field} = ...`"));
    }
    if message.starts_with("duplicate key") {
        return (
            message.to_owned(),
            "remove one of the two definitions".to_owned(),
        );
    }
    (
        message.to_owned(),
        "see the file format in the README".to_owned(),
    )
}

/// serde's name for an expected type, in the words of the file format, with an example.
fn expected_type(expected: &str) -> (&str, &'static str) {
    match expected {
        "f64" | "f32" | "a float" => ("a number", "`fte = 0.5`"),
        "a sequence" => ("a list", "`roles = [\"web-developer\", \"qa-tester\"]`"),
        "a string" => ("a string in quotes", "`name = \"Alice\"`"),
        "a boolean" => ("true or false", "`single = true`"),
        "usize" | "u64" | "u32" | "an integer" => ("a whole number", "`roles-per-person = 3`"),
        e if e.starts_with("struct ") || e == "a map" => {
            ("a table", "`[people.alice]` or `{ name = \"Alice\" }`")
        }
        e if e.starts_with("enum ") => ("one of the listed values", "`engagement = \"employee\"`"),
        other => (other, "the README's file format"),
    }
}

fn list(items: &[&str]) -> String {
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

#[cfg(test)]
mod tests {
    use super::explain_serde_message;

    #[test]
    fn unknown_field_gets_a_suggestion() {
        let (msg, help) =
            explain_serde_message("unknown field `nmae`, expected one of `name`, `roles`, `fte`");
        assert_eq!(msg, "unknown key `nmae`");
        assert!(help.starts_with("did you mean `name`?"), "{help}");
    }

    #[test]
    fn wrong_types_are_said_in_the_file_format_words() {
        let (msg, help) = explain_serde_message("invalid type: string \"full\", expected f64");
        assert_eq!(
            msg,
            "invalid type: expected a number, found string \"full\""
        );
        assert!(help.contains("`fte = 0.5`"), "{help}");
        let (msg, _) =
            explain_serde_message("invalid type: string \"x\", expected struct TeamSection");
        assert_eq!(msg, "invalid type: expected a table, found string \"x\"");
    }

    #[test]
    fn huge_names_are_cut_and_get_no_suggestion() {
        let key = "n".repeat(100_000);
        let (msg, help) = explain_serde_message(&format!(
            "unknown field `{key}`, expected one of `name`, `roles`"
        ));
        assert!(msg.len() < 200, "{}", msg.len());
        assert_eq!(help, "expected one of `name`, `roles`");
    }

    #[test]
    fn unknown_variant_lists_choices() {
        let (msg, help) = explain_serde_message(
            "unknown variant `freelancer`, expected one of `employee`, `contractor`, `agency`",
        );
        assert_eq!(msg, "unknown value `freelancer`");
        assert!(help.contains("`contractor`"), "{help}");
    }
}

//! Findings for a file that cannot be read as its format says: the TOML parser's syntax
//! errors as they come, every problem of the shape check worded in the file format's terms,
//! and what serde still refuses after that, as it says it. No message text is interpreted.

use std::sync::Arc;

use crate::diag::finding::Finding;
use crate::diag::rule::Rule;
use crate::diag::source::{SourceFile, shorten};
use crate::input::shape::Problem;
pub use crate::input::wording::{Wording, describe};

/// Messages longer than this are cut in the middle (they may quote the input).
const MAX_MESSAGE_CHARS: usize = 300;

/// The help of every syntax error: the parser's message says what is wrong.
const SYNTAX_HELP: &str =
    "this is not valid TOML: fix the text at this place (https://toml.io describes the syntax)";

/// A file format's own sentences for some problems: it gets the problem and its default
/// wording, and returns the wording to use.
pub type Reword = fn(&Problem, Wording) -> Wording;

/// Keep the default wording.
pub fn no_rewording(_: &Problem, wording: Wording) -> Wording {
    wording
}

/// A syntax error of the TOML parser, with its message and span as they come.
pub fn syntax_error(err: &toml::de::Error, source: &Arc<SourceFile>) -> Finding {
    as_it_comes(err, source, SYNTAX_HELP)
}

/// An error of serde after the shape check passed (a gap between the schema and the types):
/// its message at its span, and `help`, a line that points at the file format.
pub fn serde_error(err: &toml::de::Error, source: &Arc<SourceFile>, help: &str) -> Finding {
    as_it_comes(err, source, help)
}

fn as_it_comes(err: &toml::de::Error, source: &Arc<SourceFile>, help: &str) -> Finding {
    Finding::new(
        Rule::ParseError,
        source,
        err.span().map(|s| source.char_span(&s)),
        shorten(err.message().trim(), MAX_MESSAGE_CHARS),
        help,
    )
}

/// Every problem of the shape check as a finding at its place, worded by `reword`.
pub fn shape_findings(
    problems: &[Problem],
    source: &Arc<SourceFile>,
    reword: Reword,
) -> Vec<Finding> {
    problems
        .iter()
        .map(|problem| {
            let Wording { message, help } = reword(problem, describe(problem));
            let mut span = problem.span();
            if let Problem::MissingKey { .. } = problem {
                // A table can be long: point at its first line (its header).
                let first_line = source.line_range(&(span.start..span.start));
                span.end = span.end.min(first_line.end.max(span.start));
            }
            Finding::new(
                Rule::ParseError,
                source,
                Some(source.char_span(&span)),
                shorten(&message, MAX_MESSAGE_CHARS),
                shorten(&help, MAX_MESSAGE_CHARS),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests;

//! Findings for a file that cannot be read as its format says: the TOML parser's syntax
//! errors as they come, every problem of the shape check worded in the file format's terms,
//! and what serde still refuses after that, as it says it. No message text is interpreted.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::diag::finding::Finding;
use crate::diag::rule::Rule;
use crate::diag::source::{SourceFile, shorten};
use crate::input::shape::{Problem, Shape, Step};
use crate::input::wording::in_table;
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

/// What serde refused in a file, as findings: the file's text is parsed again and walked
/// against `shape` for every problem of the file (serde stops at the first); when the shape
/// finds none (a gap between schema and types), serde's error as it is, with `help`.
pub fn refused(
    err: &toml::de::Error,
    source: &Arc<SourceFile>,
    shape: &Shape,
    reword: Reword,
    help: &str,
) -> Vec<Finding> {
    let problems = toml::de::DeTable::parse(&source.text)
        .map(|table| shape.check(&table))
        .unwrap_or_default();
    if problems.is_empty() {
        vec![serde_error(err, source, help)]
    } else {
        shape_findings(&problems, source, reword)
    }
}

/// Unknown keys of one table reported one by one; past this many, the rest are one finding.
const UNKNOWN_KEYS_ONE_BY_ONE: usize = 5;

/// Every problem of the shape check as a finding at its place, worded by `reword`. A table
/// with many unknown keys (a file of thousands) gets its first few one by one and the rest
/// in one finding that names them.
pub fn shape_findings(
    problems: &[Problem],
    source: &Arc<SourceFile>,
    reword: Reword,
) -> Vec<Finding> {
    // The unknown keys of each table, in order (one pass: a file of 80k tables stays linear).
    let mut unknown_in: HashMap<&[Step], Vec<&Problem>> = HashMap::new();
    for problem in problems {
        if let Problem::UnknownKey { path, .. } = problem {
            unknown_in.entry(path.as_slice()).or_default().push(problem);
        }
    }
    let mut findings = Vec::new();
    let mut seen: HashMap<&[Step], usize> = HashMap::new();
    for problem in problems {
        if let Problem::UnknownKey { path, .. } = problem {
            let n = seen.entry(path.as_slice()).or_insert(0);
            *n += 1;
            if *n == UNKNOWN_KEYS_ONE_BY_ONE + 1 {
                let all = &unknown_in[path.as_slice()];
                findings.push(more_unknown_keys(
                    path,
                    &all[UNKNOWN_KEYS_ONE_BY_ONE..],
                    source,
                ));
            }
            if *n > UNKNOWN_KEYS_ONE_BY_ONE {
                continue;
            }
        }
        findings.push(shape_finding(problem, source, reword));
    }
    findings
}

/// One finding for the unknown keys `rest` of table `path`.
fn more_unknown_keys(path: &[Step], rest: &[&Problem], source: &Arc<SourceFile>) -> Finding {
    let keys: Vec<(&str, Range<usize>)> = rest
        .iter()
        .filter_map(|p| match p {
            Problem::UnknownKey { key, span, .. } => Some((key.as_str(), span.clone())),
            _ => None,
        })
        .collect();
    let shown: Vec<String> = keys
        .iter()
        .take(5)
        .map(|(k, _)| format!("`{}`", shorten(k, 40)))
        .collect();
    let more = keys.len() - shown.len();
    let list = if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    };
    let span = keys.first().map_or(0..0, |(_, s)| s.clone());
    Finding::new(
        Rule::ParseError,
        source,
        Some(source.char_span(&span)),
        shorten(
            &format!("{} more unknown keys{}: {list}", keys.len(), in_table(path)),
            MAX_MESSAGE_CHARS,
        ),
        "remove them or correct their names, as for the keys above",
    )
}

fn shape_finding(problem: &Problem, source: &Arc<SourceFile>, reword: Reword) -> Finding {
    let Wording { message, help } = reword(problem, describe(problem));
    let mut span = problem.span();
    if let Problem::MissingKey { .. } = problem {
        // A table can be long: point at its first line (its header).
        let first_line = source.line_range(&(span.start..span.start));
        span.end = span.end.min(first_line.end.max(span.start));
    }
    let finding = Finding::new(
        Rule::ParseError,
        source,
        Some(source.char_span(&span)),
        shorten(&message, MAX_MESSAGE_CHARS),
        shorten(&help, MAX_MESSAGE_CHARS),
    );
    match problem {
        Problem::UnknownKey {
            path,
            key,
            span,
            expected,
        } => {
            use crate::diag::suggest::{Budget, fix_candidates};
            // A key under an array of tables has no one place to check a rename at.
            let table: Option<Vec<String>> = path
                .iter()
                .map(|step| match step {
                    Step::Key(k) => Some(k.clone()),
                    Step::Index(_) => None,
                })
                .collect();
            let names = expected.iter().map(|e| (e.as_str(), e.as_str()));
            let to = fix_candidates(key, names, Budget::Known);
            match table {
                Some(table) => finding.key_fix(span.clone(), table, key, &to),
                None => finding,
            }
        }
        _ => finding,
    }
}

#[cfg(test)]
mod tests;

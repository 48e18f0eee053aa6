//! Findings in files whose text was let go: each such file is read again once, checked to
//! be the text first read, and its findings given their line, column and excerpt.
//!
//! A big org's units are checked as one team once every unit has loaded; keeping every
//! unit's text until then would hold the whole input in memory for the few files a finding
//! points into. A unit's text is let go once it is loaded ([`SourceFile::release`]), and the
//! files the org's findings point into are read here, on the worker threads, one at a time
//! per thread.

use std::collections::HashMap;
use std::sync::Arc;

use super::parallel::in_parallel;
use crate::diag::finding::Finding;
use crate::diag::rule::Rule;
use crate::diag::source::{Excerpt, Position, SourceFile};
use crate::input::read_source;

/// Where one finding is, once its file is read again.
type Placed = (Position, Option<Box<Excerpt>>);

/// Place every finding that waits for its file's text. A file that cannot be read again, or
/// reads differently, adds one error: its findings keep the file but no position.
pub fn place(findings: &mut Vec<Finding>) {
    let mut by_file: HashMap<*const SourceFile, (Arc<SourceFile>, Vec<usize>)> = HashMap::new();
    for (i, f) in findings.iter().enumerate() {
        if let (true, Some(source)) = (f.needs_place(), &f.source) {
            by_file
                .entry(Arc::as_ptr(source))
                .or_insert_with(|| (Arc::clone(source), Vec::new()))
                .1
                .push(i);
        }
    }
    if by_file.is_empty() {
        return;
    }
    let mut files: Vec<(Arc<SourceFile>, Vec<usize>)> = by_file.into_values().collect();
    files.sort_by_key(|(_, at)| at[0]);
    let spans: Vec<Vec<std::ops::Range<usize>>> = files
        .iter()
        .map(|(_, at)| {
            at.iter()
                .map(|&i| findings[i].span.clone().unwrap_or_default())
                .collect()
        })
        .collect();
    let work: Vec<(&Arc<SourceFile>, &Vec<std::ops::Range<usize>>)> =
        files.iter().map(|(s, _)| s).zip(&spans).collect();
    // The text lives only while its findings are placed.
    let placed: Vec<Option<Vec<Placed>>> = in_parallel(
        &work,
        || (),
        |(), (source, spans)| {
            let released = source.released()?;
            let full = read_source(source.path(), released.max_size).ok()?;
            source.is_text_of(&full.text).then(|| {
                spans
                    .iter()
                    .map(|span| (full.position(span.start), full.excerpt(span).map(Box::new)))
                    .collect()
            })
        },
    );
    for ((source, at), placed) in files.iter().zip(placed) {
        if let Some(placed) = placed {
            for (&i, (position, excerpt)) in at.iter().zip(placed) {
                let f = &mut findings[i];
                f.line = position.line;
                f.column = position.column;
                f.excerpt = excerpt;
            }
            continue;
        }
        for &i in at {
            findings[i].line = 1;
            findings[i].column = 1;
        }
        let file = source.path().display().to_string();
        findings.push(Finding::without_source(
            Rule::ParseError,
            file.clone(),
            format!(
                "{file} changed while teamplan checked it: its findings are shown without their place in it"
            ),
            "run teamplan again once the file is saved",
        ));
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::diag::finding::Finding;
    use crate::diag::rule::Rule;
    use crate::diag::source::SourceFile;

    fn released_finding(
        path: &std::path::Path,
        text: &str,
        span: std::ops::Range<usize>,
    ) -> Finding {
        let released = Arc::new(SourceFile::new(path, text.to_owned()).release(1 << 20));
        Finding::new(Rule::UnknownRole, &released, Some(span), "m", "h")
    }

    #[test]
    fn a_finding_in_a_released_file_is_placed_from_the_file_read_again() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("unit.toml");
        let text = "[team]\nname = \"Ops\"\n\n[people.ana]\nroles = [\"devloper\"]\n";
        std::fs::write(&path, text).expect("write");
        let at = text.find("\"devloper\"").expect("role");
        let mut findings = vec![released_finding(&path, text, at..at + 10)];
        assert_eq!(
            (findings[0].line, findings[0].column),
            (0, 0),
            "not placed yet"
        );
        assert!(findings[0].needs_place());
        super::place(&mut findings);
        assert_eq!(findings.len(), 1);
        assert_eq!((findings[0].line, findings[0].column), (5, 10));
        let excerpt = findings[0].excerpt.as_ref().expect("excerpt");
        assert_eq!(&*excerpt.text, "roles = [\"devloper\"]");
        assert_eq!(&excerpt.text[excerpt.span.clone()], "\"devloper\"");
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_said_and_its_findings_keep_no_place() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("unit.toml");
        let text = "[team]\nname = \"Ops\"\n";
        let mut findings = vec![released_finding(&path, text, 8..12)];
        std::fs::write(&path, "[team]\nname = \"Sales\"\n").expect("write");
        super::place(&mut findings);
        assert_eq!((findings[0].line, findings[0].column), (1, 1));
        assert!(
            findings[0].excerpt.is_none(),
            "no text of another version is shown"
        );
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[1].rule, Rule::ParseError);
        assert!(
            findings[1]
                .message
                .contains("changed while teamplan checked it")
        );
    }
}

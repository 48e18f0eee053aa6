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

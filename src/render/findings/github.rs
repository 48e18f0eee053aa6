//! `--format github`: GitHub Actions workflow commands, one per finding, so findings show
//! as annotations on the pull request.

use std::fmt::Write as _;

use crate::analysis::outcome::Outcome;
use crate::diag::rule::Severity;
use crate::render::escape::{github_data, github_property, terminal_keep_lines};

/// One `::error file=F,line=L,col=C,title=RULE::message` line per finding.
#[must_use]
pub fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    for f in &outcome.findings {
        let command = match f.level {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Names from the file may carry escapes and bidi overrides: shown, not obeyed.
        let mut message = terminal_keep_lines(&f.message).into_owned();
        if !f.team.is_empty() {
            message = format!("{}: {message}", terminal_keep_lines(&f.team));
        }
        if !f.help.is_empty() {
            message.push_str("\nhelp: ");
            message.push_str(&terminal_keep_lines(&f.help));
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},title={}::{}",
            github_property(&terminal_keep_lines(&f.file)),
            f.line,
            f.column,
            github_property(&format!("teamplan {}", f.rule)),
            github_data(&message)
        );
    }
    // A note (findings of the org left out, files skipped) shows on the run's summary.
    for note in &outcome.notes {
        let _ = writeln!(
            out,
            "::notice title=teamplan::{}",
            github_data(&terminal_keep_lines(note))
        );
    }
    out
}

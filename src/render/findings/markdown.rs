//! `--format markdown`: a pull-request comment with the summary and a findings table.

use std::fmt::Write as _;

use crate::analysis::outcome::Outcome;
use crate::diag::rule::Severity;
use crate::render::escape::{markdown as escape, markdown_message};

/// Render the outcome as a GitHub-flavoured markdown comment.
#[must_use]
pub fn render(outcome: &Outcome) -> String {
    let s = outcome.summary();
    let mut out = String::new();
    let verdict = if s.errors > 0 {
        "❌"
    } else if s.warnings > 0 {
        "⚠️"
    } else {
        "✅"
    };
    let line = super::human::summary_line(&s);
    let line = line
        .split_once(": ")
        .map_or(line.as_str(), |(_, rest)| rest);
    let _ = writeln!(out, "### {verdict} teamplan: {line}\n");
    let _ = writeln!(
        out,
        "| teams | people | errors | warnings |\n|---:|---:|---:|---:|\n| {} | {} | {} | {} |\n",
        s.teams, s.people, s.errors, s.warnings
    );
    if outcome.findings.is_empty() {
        out.push_str("No findings.\n");
        return out;
    }
    out.push_str("| | rule | team | where | finding |\n|---|---|---|---|---|\n");
    for f in &outcome.findings {
        let icon = match f.level {
            Severity::Error => "❌",
            Severity::Warning => "⚠️",
        };
        let _ = writeln!(
            out,
            "| {icon} | `{}` | {} | `{}:{}:{}` | {}<br>*{}* |",
            f.rule,
            escape(&f.team),
            escape(&f.file).replace('`', "'"),
            f.line,
            f.column,
            markdown_message(&f.message),
            markdown_message(&f.help)
        );
    }
    out
}

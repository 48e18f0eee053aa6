//! `--format json`: the stable machine-readable shape (`"version": 1`).

use serde::Serialize;

use crate::analysis::outcome::{Outcome, Summary, TeamSummary};
use crate::diag::finding::Finding;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    /// The day the teams were checked on (`--at`, `TEAMPLAN_AT`, else today).
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<String>,
    teams: &'a [TeamSummary],
    findings: &'a [Finding],
    summary: Summary,
    /// What the run says besides findings: files the search skipped, findings of an org
    /// left out because no path given holds their file.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
    /// With `--fix`: each fix, made or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    fixes: Option<&'a [crate::analysis::fix::Record]>,
}

/// Render the outcome as pretty JSON with a trailing newline.
#[must_use]
pub fn render(outcome: &Outcome) -> String {
    let doc = Document {
        version: 1,
        at: outcome.at.map(|d| d.to_string()),
        teams: &outcome.teams,
        findings: &outcome.findings,
        summary: outcome.summary(),
        notes: &outcome.notes,
        fixes: outcome.fixes.as_deref(),
    };
    let text =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    let mut text = crate::render::escape::json_invisibles(text);
    text.push('\n');
    text
}

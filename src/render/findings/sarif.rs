//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning accepts it.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::analysis::outcome::Outcome;
use crate::diag::rule::{LintLevel, Rule, Severity};

fn level(l: Severity) -> &'static str {
    match l {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Render the outcome as one SARIF log with one run.
#[must_use]
pub fn render(outcome: &Outcome) -> String {
    let rules: Vec<Value> = Rule::ALL
        .iter()
        .map(|r| {
            json!({
                "id": r.name(),
                "shortDescription": { "text": r.summary() },
                "help": { "text": format!("Run `teamplan explain {}` for what it checks and how to fix it.", r.name()) },
                "defaultConfiguration": {
                    "level": match r.default_level() {
                        LintLevel::Deny => "error",
                        LintLevel::Warn => "warning",
                        LintLevel::Allow => "none",
                    }
                }
            })
        })
        .collect();
    let results: Vec<Value> = outcome
        .findings
        .iter()
        .map(|f| {
            let index = Rule::ALL
                .iter()
                .position(|r| *r == f.rule)
                .unwrap_or_default();
            json!({
                "ruleId": f.rule.name(),
                "ruleIndex": index,
                "level": level(f.level),
                "message": { "text": format!("{}\nhelp: {}", f.message, f.help) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&f.file) },
                        "region": { "startLine": f.line.max(1), "startColumn": f.column.max(1) }
                    }
                }],
                "properties": { "team": f.team }
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "teamplan",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules
                }
            },
            "results": results
        }]
    });
    let mut text = crate::render::escape::json_invisibles(
        serde_json::to_string_pretty(&log).unwrap_or_default(),
    );
    text.push('\n');
    text
}

/// A relative URI for a path: forward slashes, percent-encoded where URIs need it.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

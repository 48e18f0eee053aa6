//! Reporters: each turns the outcome of a check into text in one `--format`.

pub mod diff;
pub mod github;
pub mod human;
pub mod json;
pub mod markdown;
pub mod page;
pub mod sarif;

use serde::Serialize;

use crate::finding::Finding;
use crate::rules::{Rule, Severity};

/// The width tables should fit: `COLUMNS` when set, else the terminal's width when stdout
/// is one, else None (no limit: output to a file or a pipe).
#[must_use]
pub fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .or_else(|| terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| w.0))
        .filter(|&w: &u16| w >= 20)
}

/// Like [`terminal_width`], but a fixed width when stdout is not a terminal, for tables of
/// prose that would otherwise become one very long line each.
#[must_use]
pub fn prose_width() -> Option<u16> {
    use std::io::IsTerminal as _;
    terminal_width().or_else(|| (!std::io::stdout().is_terminal()).then_some(100))
}

/// A team that was checked, as listed in reports.
#[derive(Debug, Clone, Serialize)]
pub struct TeamSummary {
    pub name: String,
    pub file: String,
    pub catalog: String,
}

/// The counts every format ends with.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub teams: usize,
    pub people: usize,
}

/// Everything a reporter needs.
#[derive(Debug, Default)]
pub struct Outcome {
    pub teams: Vec<TeamSummary>,
    pub findings: Vec<Finding>,
    /// Files searched but not checked, with the reason (said, never silent).
    pub notes: Vec<String>,
    pub people: usize,
}

impl Outcome {
    #[must_use]
    pub fn summary(&self) -> Summary {
        let errors = self
            .findings
            .iter()
            .filter(|f| f.level == Severity::Error)
            .count();
        Summary {
            errors,
            warnings: self.findings.len() - errors,
            teams: self.teams.len(),
            people: self.people,
        }
    }

    /// Whether some input could not be read at all (exit code 2).
    #[must_use]
    pub fn unreadable(&self) -> bool {
        self.findings
            .iter()
            .any(|f| matches!(f.rule, Rule::ParseError | Rule::InvalidCatalog))
    }
}

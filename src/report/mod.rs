//! Reporters: each turns the outcome of a check into text in one `--format`.

pub mod human;
pub mod json;

use serde::Serialize;

use crate::finding::Finding;
use crate::rules::{Rule, Severity};

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

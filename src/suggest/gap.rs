//! The vocabulary of `suggest`: a gap of the team, an answer to it, and the outcome.

use super::change::Change;
use crate::catalog::RoleIdx;
use crate::diag::rule::Rule;

/// What a gap is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A required role nobody holds (`missing-role`).
    Missing,
    /// A recommended role nobody holds.
    Recommended,
    /// Several holders and no lead.
    NoLead,
    /// A person over their limits.
    Overloaded,
}

impl Kind {
    #[must_use]
    pub fn rule(self) -> Rule {
        match self {
            Kind::Missing => Rule::MissingRole,
            Kind::Recommended => Rule::MissingRecommendedRole,
            Kind::NoLead => Rule::NoLead,
            Kind::Overloaded => Rule::Overloaded,
        }
    }
}

/// A gap of the team, from one of its findings.
#[derive(Debug, Clone)]
pub struct Gap {
    pub kind: Kind,
    pub role: Option<RoleIdx>,
    /// The overloaded person's id.
    pub person: Option<String>,
    /// The finding's message.
    pub message: String,
}

/// A change that answers a gap, with why and what else it does.
#[derive(Debug, Clone)]
pub struct Answer {
    pub change: Change,
    /// One line: why this one.
    pub reason: String,
    /// The findings it adds (warnings: an answer that adds an error is never given).
    pub also: Vec<String>,
}

/// A gap and what `suggest` makes of it: the chosen answer and the runners-up, or none.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub gap: Gap,
    pub chosen: Option<Answer>,
    pub others: Vec<Answer>,
    /// What to do instead of a new holder (fix a misspelt role, fill an overdue position).
    pub instead: Option<String>,
}

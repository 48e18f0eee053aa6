//! The team file as written, deserialized with the spans findings point at.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::rules::LintLevel;

/// A whole team file: `[team]`, `[people.ID]`, `[raci.ACTIVITY]`, `[rules]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TeamFile {
    pub team: Spanned<TeamSection>,
    #[serde(default)]
    pub people: IndexMap<Spanned<String>, Spanned<PersonEntry>>,
    #[serde(default)]
    pub raci: IndexMap<Spanned<String>, Spanned<RaciEntry>>,
    #[serde(default)]
    pub rules: IndexMap<Spanned<String>, Spanned<LintLevel>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TeamSection {
    pub name: Spanned<String>,
    pub catalog: Spanned<String>,
    pub description: Option<String>,
}

/// How a person works for the team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Engagement {
    #[default]
    Employee,
    Contractor,
    Agency,
}

impl Engagement {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Employee => "employee",
            Self::Contractor => "contractor",
            Self::Agency => "agency",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PersonEntry {
    pub name: Option<String>,
    pub roles: Option<Spanned<Vec<Spanned<String>>>>,
    pub fte: Option<Spanned<f64>>,
    pub engagement: Option<Engagement>,
    pub email: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RaciEntry {
    pub accountable: Option<Spanned<String>>,
    #[serde(default)]
    pub responsible: Vec<Spanned<String>>,
    #[serde(default)]
    pub consulted: Vec<Spanned<String>>,
    #[serde(default)]
    pub informed: Vec<Spanned<String>>,
}

//! A catalog after its file is applied on top of what it extends, before names are linked
//! to indices; and the problems found on the way.

use std::ops::Range;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::basis::{ActivityWhy, BasisSpec, Document, LimitsWhy, RoleWhy};
use super::model::{Area, Limits, Requirement};

/// A RACI assignment by role id (or alias), as written in catalog files.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Default, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RaciSpec {
    pub accountable: String,
    pub responsible: Vec<String>,
    #[serde(default)]
    pub consulted: Vec<String>,
    #[serde(default)]
    pub informed: Vec<String>,
}

/// A role after merging, before its references are resolved.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct RawRole {
    pub title: String,
    pub summary: String,
    pub requirement: Requirement,
    pub aliases: Vec<String>,
    pub single: bool,
    pub conflicts: Vec<String>,
    /// The role its work falls to when nobody holds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reports_to: Option<String>,
    pub basis: Option<BasisSpec>,
    pub why: RoleWhy<BasisSpec>,
    /// Where this role was last patched, in the file being loaded.
    #[serde(skip)]
    pub span: Option<Range<usize>>,
}

/// An activity after merging, before its references are resolved.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct RawActivity {
    pub title: String,
    pub area: Area,
    pub raci: RaciSpec,
    pub must_consult: Vec<String>,
    pub must_inform: Vec<String>,
    pub keep_in_house: bool,
    pub basis: Option<BasisSpec>,
    pub why: ActivityWhy<BasisSpec>,
    #[serde(skip)]
    pub span: Option<Range<usize>>,
}

/// A team name before its roles are linked.
#[derive(Debug, Clone, Serialize)]
pub struct RawTeamName {
    pub roles: Vec<String>,
    pub basis: Option<BasisSpec>,
}

/// A whole catalog after `extends` is applied, still by name.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct RawCatalog {
    pub id: String,
    pub title: String,
    pub description: String,
    pub limits: Limits,
    pub limits_why: LimitsWhy<BasisSpec>,
    /// The documents the catalog's sources quote, by id.
    pub documents: IndexMap<String, Document>,
    /// Team names and the roles their people hold, by name.
    pub teams: IndexMap<String, RawTeamName>,
    pub roles: IndexMap<String, RawRole>,
    pub activities: IndexMap<String, RawActivity>,
    /// Roles this file removed, with where: references to them are reported there.
    #[serde(skip)]
    pub removed_roles: IndexMap<String, Range<usize>>,
}

/// A problem found while merging or resolving, at a span of the file being loaded.
#[derive(Debug, Clone)]
pub struct CatalogProblem {
    pub span: Option<Range<usize>>,
    pub message: String,
    pub help: String,
}

impl CatalogProblem {
    pub fn new(
        span: Option<Range<usize>>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Self {
            span,
            message: message.into(),
            help: help.into(),
        }
    }
}

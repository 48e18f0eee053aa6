//! The team as the resolver reads it: people, their roles and the RACI overrides, each
//! with the place in the file it was written.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use toml::Spanned;

use super::file::Engagement;
use crate::catalog::Catalog;
use crate::diag::rule::{LintLevel, Rule};
use crate::diag::source::SourceFile;

/// A name written in the file, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub name: String,
    pub span: Range<usize>,
}

impl From<Spanned<String>> for Ref {
    fn from(s: Spanned<String>) -> Self {
        Self {
            span: s.span(),
            name: s.into_inner(),
        }
    }
}

/// A person of a team. Text fields are `Box<str>`, not `String`: a big org keeps every
/// person until its cross-team rules have run, and the spare capacity of a `String` adds
/// up over 100k people.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: Box<str>,
    /// The `[people.ID]` key.
    pub span: Range<usize>,
    pub name: Box<str>,
    pub email: Option<Box<str>>,
    pub roles: Vec<Ref>,
    /// The `roles = [...]` array, or the person's key when it has none.
    pub roles_span: Range<usize>,
    pub fte: f64,
    pub engagement: Engagement,
    /// The roles this person leads (each should be one of their `roles`).
    pub leads: Vec<Ref>,
}

/// A `[raci.ACTIVITY]` table replacing an activity's assignments.
#[derive(Debug, Clone)]
pub struct RaciOverride {
    pub activity: Ref,
    /// Each letter the override names (None: the catalog's stays).
    pub accountable: Option<Ref>,
    pub responsible: Option<Vec<Ref>>,
    pub consulted: Option<Vec<Ref>>,
    pub informed: Option<Vec<Ref>>,
}

/// A team file that parsed and has the right shape. Its references are not yet checked;
/// that is the resolver's and the rules' work.
#[derive(Debug, Clone)]
pub struct Team {
    pub source: Arc<SourceFile>,
    pub name: String,
    /// The `[team]` table: where a missing role is reported.
    pub span: Range<usize>,
    pub catalog: Arc<Catalog>,
    /// The custom catalog file it names, if any (an input too: never written over).
    pub catalog_file: Option<PathBuf>,
    pub description: Option<String>,
    pub people: Vec<Person>,
    pub overrides: Vec<RaciOverride>,
    /// Rule levels set by the file's `[rules]` table.
    pub levels: Vec<(Rule, LintLevel)>,
}

impl Team {
    /// Drop the role lists and RACI overrides, keeping who is in the team at what fte: what
    /// the cross-team rules need once the team's own rules have run.
    pub fn drop_assignments(&mut self) {
        for person in &mut self.people {
            person.roles = Vec::new();
            person.leads = Vec::new();
        }
        self.overrides = Vec::new();
    }
}

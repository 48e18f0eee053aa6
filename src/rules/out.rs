//! What every per-team rule writes into: the findings of one team, with helpers to point
//! at a person's role entry and to name people and roles the same way everywhere.

use std::ops::Range;
use std::sync::Arc;

use crate::catalog::RoleIdx;
use crate::diag::finding::{Context, Finding};
use crate::diag::rule::Rule;
use crate::diag::source::SourceFile;
use crate::diag::words::and_list;
use crate::resolve::Resolved;

/// Collects findings for one team, filling in the team and file.
pub(crate) struct Out<'r, 't> {
    pub resolved: &'r Resolved<'t>,
    pub findings: Vec<Finding>,
}

impl Out<'_, '_> {
    pub fn source(&self) -> &Arc<SourceFile> {
        &self.resolved.team.source
    }

    pub fn push(
        &mut self,
        rule: Rule,
        span: Range<usize>,
        message: String,
        help: String,
        context: Context,
    ) {
        let finding = Finding::new(rule, self.source(), Some(span), message, help)
            .team(&self.resolved.team.name)
            .context(context);
        self.findings.push(finding);
    }

    /// Where a person names a role in their `roles` list (or their list as a whole).
    pub fn role_entry_span(&self, person: usize, role: RoleIdx) -> Range<usize> {
        let team = self.resolved.team;
        let p = &team.people[person];
        p.roles
            .iter()
            .find(|r| team.catalog.role(&r.name) == Some(role))
            .map_or_else(|| p.roles_span.clone(), |r| r.span.clone())
    }

    pub fn person_label(&self, person: usize) -> String {
        let p = &self.resolved.team.people[person];
        if p.name == p.id {
            format!("`{}`", p.id)
        } else {
            format!("{} (`{}`)", p.name, p.id)
        }
    }

    /// A person's name as written (their id when they have no name).
    pub fn person_name(&self, person: usize) -> String {
        self.resolved.team.people[person].name.to_string()
    }

    pub fn role_label(&self, role: RoleIdx) -> String {
        let r = &self.resolved.team.catalog.roles[role];
        format!("{} (`{}`)", r.title, r.id)
    }
}

/// Lists at most `max` items as prose, then "and N more".
pub(crate) fn short_list(items: &[String], max: usize) -> String {
    and_list(items, max)
}

//! What every per-team rule writes into: the findings of one team, with helpers to point
//! at a person's role entry and to name people and roles the same way everywhere.

use crate::catalog::RoleIdx;
use crate::diag::finding::{Context, Finding};
use crate::diag::rule::Rule;
use crate::diag::words::and_list;
use crate::resolve::Resolved;
use std::ops::Range;

/// Collects findings for one team, filling in the team and file.
pub(crate) struct Out<'r, 't> {
    pub resolved: &'r Resolved<'t>,
    pub findings: Vec<Finding>,
}

impl Out<'_, '_> {
    /// A finding at `span` of the team (of an org, in the file of the unit it falls in).
    pub fn push(
        &mut self,
        rule: Rule,
        span: Range<usize>,
        message: String,
        help: String,
        context: Context,
    ) {
        let team = self.resolved.team;
        let at = team.locate(span);
        let mut finding = Finding::new(rule, at.source, Some(at.span), message, help)
            .team(&team.name)
            .context(context);
        finding.unit = at.unit.map(|u| u.name.clone());
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

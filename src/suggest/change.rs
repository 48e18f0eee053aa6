//! A change `suggest` proposes, made on a copy of the team so the rules can judge it.

use crate::catalog::RoleIdx;
use crate::diag::finding::Finding;
use crate::diag::rule::{LintLevel, Rule, Severity};
use crate::resolve::Resolved;
use crate::team::{Ref, Team};

/// One change to a team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Give a person a role (by person id).
    AddRole { person: String, role: RoleIdx },
    /// Make a holder of a role its lead.
    Lead { person: String, role: RoleIdx },
    /// Hand a role from one person to another.
    MoveRole {
        from: String,
        to: String,
        role: RoleIdx,
    },
}

impl Change {
    /// The person who takes something on.
    #[must_use]
    pub fn taker(&self) -> &str {
        match self {
            Change::AddRole { person, .. } | Change::Lead { person, .. } => person,
            Change::MoveRole { to, .. } => to,
        }
    }

    /// The role it is about.
    #[must_use]
    pub fn role(&self) -> RoleIdx {
        match self {
            Change::AddRole { role, .. }
            | Change::Lead { role, .. }
            | Change::MoveRole { role, .. } => *role,
        }
    }

    /// Make the change on `team`. False when its people are not there.
    pub fn make(&self, team: &mut Team) -> bool {
        let id = team.catalog.roles[self.role()].id.clone();
        let at = |team: &Team, who: &str| team.people.iter().position(|p| *p.id == *who);
        let named = |span: std::ops::Range<usize>| Ref {
            name: id.as_str().into(),
            span,
        };
        match self {
            Change::AddRole { person, .. } => {
                let Some(i) = at(team, person) else {
                    return false;
                };
                let p = &mut team.people[i];
                let mut roles = p.roles.to_vec();
                roles.push(named(p.roles_span.clone()));
                p.roles = roles.into();
            }
            Change::Lead { person, .. } => {
                let Some(i) = at(team, person) else {
                    return false;
                };
                let p = &mut team.people[i];
                let mut leads = p.leads.to_vec();
                leads.push(named(p.roles_span.clone()));
                p.leads = leads.into();
            }
            Change::MoveRole { from, to, role } => {
                let (Some(f), Some(t)) = (at(team, from), at(team, to)) else {
                    return false;
                };
                let catalog = std::sync::Arc::clone(&team.catalog);
                let p = &mut team.people[f];
                let kept: Vec<Ref> = p
                    .roles
                    .iter()
                    .filter(|r| catalog.role(&r.name) != Some(*role))
                    .cloned()
                    .collect();
                p.roles = kept.into();
                let p = &mut team.people[t];
                let mut roles = p.roles.to_vec();
                roles.push(named(p.roles_span.clone()));
                p.roles = roles.into();
            }
        }
        true
    }
}

/// The findings of `team` as its own `[rules]` weigh them (a rule it allows is left out).
#[must_use]
pub fn findings(team: &Team) -> Vec<Finding> {
    let level = |rule: Rule| {
        team.levels
            .iter()
            .rev()
            .find(|(r, _)| *r == rule)
            .map(|(_, l)| *l)
    };
    let mut out = crate::rules::check_team(&Resolved::new(team));
    out.retain_mut(|f| match level(f.rule) {
        Some(LintLevel::Allow) => false,
        Some(LintLevel::Warn) => {
            f.level = Severity::Warning;
            true
        }
        Some(LintLevel::Deny) => {
            f.level = Severity::Error;
            true
        }
        None => true,
    });
    out
}

/// A finding as compared before and after a change: its rule and what it is about.
#[must_use]
pub fn key(f: &Finding) -> (Rule, String, String) {
    let facts = f.facts();
    (
        f.rule,
        facts.role.clone().unwrap_or_default(),
        facts.person.clone().unwrap_or_default(),
    )
}

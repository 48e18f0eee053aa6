//! The rules: each reads the resolved team (or the set of teams) and returns findings.
//! No rule prints; reporters render what they return.

pub mod explain;
mod org;
mod raci;
mod registry;
mod roles;
mod workload;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

pub use org::check_org;
pub use registry::{LintLevel, Rule, Severity, UnknownRuleName};

use crate::catalog::RoleIdx;
use crate::finding::{Context, Finding};
use crate::resolve::Resolved;
use crate::source::SourceFile;

/// Run every per-team rule over a resolved team, at default levels.
#[must_use]
pub fn check_team(resolved: &Resolved<'_>) -> Vec<Finding> {
    let mut out = Out {
        resolved,
        findings: Vec::new(),
    };
    roles::check(&mut out);
    raci::check(&mut out);
    workload::check(&mut out);
    out.findings
}

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

    pub fn role_label(&self, role: RoleIdx) -> String {
        let r = &self.resolved.team.catalog.roles[role];
        format!("{} (`{}`)", r.title, r.id)
    }
}

/// Lists at most `max` items, then "and N more".
pub(crate) fn short_list(items: &[String], max: usize) -> String {
    if items.len() <= max {
        return items.join(", ");
    }
    format!("{} and {} more", items[..max].join(", "), items.len() - max)
}

/// Rule levels from the command line, which win over a team file's `[rules]`.
#[derive(Debug, Clone, Default)]
pub struct LevelOverrides {
    cli: HashMap<Rule, LintLevel>,
}

impl LevelOverrides {
    /// Set a rule's level for this run.
    pub fn set(&mut self, rule: Rule, level: LintLevel) {
        self.cli.insert(rule, level);
    }

    /// Apply levels: drop allowed findings, set the severity of the rest.
    pub fn apply(
        &self,
        findings: Vec<Finding>,
        file_levels: &HashMap<String, Vec<(Rule, LintLevel)>>,
    ) -> Vec<Finding> {
        findings
            .into_iter()
            .filter_map(|mut f| {
                let level = if f.rule.is_configurable() {
                    self.cli
                        .get(&f.rule)
                        .copied()
                        .or_else(|| {
                            file_levels
                                .get(&f.file)
                                .and_then(|levels| levels.iter().rev().find(|(r, _)| *r == f.rule))
                                .map(|(_, l)| *l)
                        })
                        .unwrap_or_else(|| f.rule.default_level())
                } else {
                    LintLevel::Deny
                };
                f.level = match level {
                    LintLevel::Allow => return None,
                    LintLevel::Warn => Severity::Warning,
                    LintLevel::Deny => Severity::Error,
                };
                Some(f)
            })
            .collect()
    }
}

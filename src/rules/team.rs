//! The per-team rules, run in order over one resolved team.

use super::out::Out;
use super::{planning, raci, roles, units, workload};
use crate::diag::finding::Finding;
use crate::resolve::Resolved;

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
    units::check(&mut out);
    planning::backfills(&mut out);
    planning::roles_set_aside(&mut out);
    planning::currencies(&mut out);
    out.findings
}

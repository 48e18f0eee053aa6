//! Coverage over time: the required roles no entry holds on a day, and each stretch of days
//! a required role goes uncovered, with who closes it.

use jiff::civil::Date;

use super::entries::Plan;
use crate::catalog::{Requirement, RoleIdx};

/// A stretch of days a required role of a team goes without a holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// The team (of an org, the org).
    pub team: String,
    pub role: String,
    pub from: Date,
    /// The last day uncovered; None when it is still uncovered at the end of the range.
    pub to: Option<Date>,
    /// The entry that starts holding it the day after (its person id), if any.
    pub closed_by: Option<String>,
}

/// The required roles (as `role`, or `team: role` with several teams) that no entry holds
/// on `day`.
#[must_use]
pub fn uncovered_on(plan: &Plan<'_>, day: Date) -> Vec<String> {
    let mut out = Vec::new();
    for (t, team) in plan.teams.iter().enumerate() {
        for role in required(plan, t) {
            let held = plan
                .entries
                .iter()
                .any(|e| e.team == t && e.on(day) && e.roles.contains(&role));
            if !held {
                out.push(label(plan, &team.name, &team.catalog.roles[role].id));
            }
        }
    }
    out
}

fn label(plan: &Plan<'_>, team: &str, role: &str) -> String {
    if plan.teams.len() > 1 {
        format!("{team}: {role}")
    } else {
        role.to_owned()
    }
}

fn required(plan: &Plan<'_>, team: usize) -> Vec<RoleIdx> {
    let catalog = &plan.teams[team].catalog;
    (0..catalog.roles.len())
        .filter(|&r| catalog.roles[r].requirement == Requirement::Required)
        .collect()
}

/// Every stretch of `[from, to]` a required role goes uncovered.
#[must_use]
pub fn gaps(plan: &Plan<'_>, from: Date, to: Date) -> Vec<Gap> {
    let mut out = Vec::new();
    for (t, team) in plan.teams.iter().enumerate() {
        for role in required(plan, t) {
            // The holders' days, cut to the range, in order of their first day.
            let mut spans: Vec<(Date, Date, &str)> = plan
                .entries
                .iter()
                .filter(|e| e.team == t && e.roles.contains(&role))
                .map(|e| {
                    (
                        e.start.map_or(from, |s| s.max(from)),
                        e.end.map_or(to, |x| x.min(to)),
                        &*e.person.id,
                    )
                })
                .filter(|(a, b, _)| a <= b)
                .collect();
            spans.sort_unstable();
            let mut next = Some(from);
            for (a, b, id) in spans {
                let Some(day) = next else { break };
                if a > day {
                    out.push(Gap {
                        team: team.name.clone(),
                        role: team.catalog.roles[role].id.clone(),
                        from: day,
                        to: a.yesterday().ok(),
                        closed_by: Some(id.to_owned()),
                    });
                }
                if b >= day {
                    next = if b >= to { None } else { b.tomorrow().ok() };
                }
            }
            if let Some(day) = next {
                out.push(Gap {
                    team: team.name.clone(),
                    role: team.catalog.roles[role].id.clone(),
                    from: day,
                    to: None,
                    closed_by: None,
                });
            }
        }
    }
    out
}

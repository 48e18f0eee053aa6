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

/// Who holds each required role of each team, and when: gathered in one pass over the
/// entries.
#[derive(Debug)]
pub struct Coverage {
    /// Per team, per required role: the role and its holders' (start, end, entry).
    teams: Vec<Vec<(RoleIdx, Vec<Span>)>>,
}

type Span = (Option<Date>, Option<Date>, usize);

impl Coverage {
    #[must_use]
    pub fn of(plan: &Plan<'_>) -> Self {
        let mut slot: Vec<Vec<Option<usize>>> = Vec::with_capacity(plan.teams.len());
        let mut teams: Vec<Vec<(RoleIdx, Vec<Span>)>> = Vec::with_capacity(plan.teams.len());
        for team in &plan.teams {
            let roles = &team.catalog.roles;
            let mut of_role = vec![None; roles.len()];
            let mut required = Vec::new();
            for (r, role) in roles.iter().enumerate() {
                if role.requirement == Requirement::Required {
                    of_role[r] = Some(required.len());
                    required.push((r, Vec::new()));
                }
            }
            slot.push(of_role);
            teams.push(required);
        }
        for (i, e) in plan.entries.iter().enumerate() {
            for &r in &e.roles {
                if let Some(k) = slot[e.team].get(r).copied().flatten() {
                    teams[e.team][k].1.push((e.start, e.end, i));
                }
            }
        }
        Coverage { teams }
    }

    /// Every stretch of `[from, to]` a required role goes uncovered.
    #[must_use]
    pub fn gaps(&self, plan: &Plan<'_>, from: Date, to: Date) -> Vec<Gap> {
        let mut out = Vec::new();
        for (t, roles) in self.teams.iter().enumerate() {
            let team = plan.teams[t];
            for (role, spans) in roles {
                let gap = |from: Date, to: Option<Date>, closed_by: Option<String>| Gap {
                    team: team.name.clone(),
                    role: team.catalog.roles[*role].id.clone(),
                    from,
                    to,
                    closed_by,
                };
                // The holders' days, cut to the range, in order of their first day.
                let mut cut: Vec<(Date, Date, usize)> = spans
                    .iter()
                    .map(|&(s, e, i)| {
                        (
                            s.map_or(from, |s| s.max(from)),
                            e.map_or(to, |e| e.min(to)),
                            i,
                        )
                    })
                    .filter(|(a, b, _)| a <= b)
                    .collect();
                cut.sort_unstable();
                let mut next = Some(from);
                for (a, b, i) in cut {
                    let Some(day) = next else { break };
                    if a > day {
                        let id = plan.entries[i].person.id.to_string();
                        out.push(gap(day, a.yesterday().ok(), Some(id)));
                    }
                    if b >= day {
                        next = if b >= to { None } else { b.tomorrow().ok() };
                    }
                }
                if let Some(day) = next {
                    out.push(gap(day, None, None));
                }
            }
        }
        out
    }
}

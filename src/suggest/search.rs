//! The gaps of a team and who could take each: every candidate change is made on a copy of
//! the team and judged by the rules themselves, and the gaps are answered one after another
//! on the team as the earlier answers left it, so the set holds together.

use std::collections::HashSet;

use super::change::{Change, findings, key};
use super::gap::{Answer, Gap, Kind, Outcome};
use super::reasons::{as_f64, instead, reason, related, same_unit};
use crate::catalog::{Catalog, RoleIdx};
use crate::diag::finding::Finding;
use crate::diag::rule::{Rule, Severity};
use crate::resolve::Resolved;
use crate::team::{Engagement, Team};

/// How a candidate ranks, best first: new findings, not in the gap's unit, not related
/// work, less capacity left (in hundredths of an A/R, negated).
type Rank = (usize, usize, bool, i64);

/// The gaps answered in one run, at most (each costs whole-team checks); the rest are
/// counted, to answer once these are.
pub const MAX_GAPS: usize = 50;

/// The candidates tried for one gap, at most.
const PER_GAP: usize = 12;

/// The gaps of `team` in the order they are answered: errors first.
#[must_use]
pub fn gaps(team: &Team, now: &[Finding]) -> Vec<Gap> {
    let mut out: Vec<Gap> = now
        .iter()
        .filter_map(|f| {
            let kind = match f.rule {
                Rule::MissingRole => Kind::Missing,
                Rule::MissingRecommendedRole => Kind::Recommended,
                Rule::NoLead => Kind::NoLead,
                Rule::Overloaded => Kind::Overloaded,
                _ => return None,
            };
            let facts = f.facts();
            Some(Gap {
                kind,
                role: facts.role.as_deref().and_then(|r| team.catalog.role(r)),
                person: facts.person.clone(),
                message: f.message.clone(),
            })
        })
        .collect();
    // Overloads last: a recommended role given to someone takes its work off the person
    // it falls to now, who may be the one overloaded.
    out.sort_by_key(|g| match g.kind {
        Kind::Missing => 0,
        Kind::NoLead => 1,
        Kind::Recommended => 2,
        Kind::Overloaded => 3,
    });
    out
}

/// Whether `person` may take `role` at all: not held yet, within the roles a person may
/// hold, no role that conflicts, and in house where the role is accountable for work that
/// must stay in house.
fn may_take(team: &Team, person: usize, role: RoleIdx, giving_up: Option<RoleIdx>) -> bool {
    let catalog: &Catalog = &team.catalog;
    let p = &team.people[person];
    let held: Vec<RoleIdx> = p
        .roles
        .iter()
        .filter_map(|r| catalog.role(&r.name))
        .filter(|r| Some(*r) != giving_up)
        .collect();
    if held.contains(&role) || held.len() >= catalog.limits.roles_per_person {
        return false;
    }
    let conflict = held.iter().any(|&h| {
        catalog.roles[role].conflicts.contains(&h) || catalog.roles[h].conflicts.contains(&role)
    });
    let in_house = catalog
        .activities
        .iter()
        .any(|a| a.keep_in_house && a.raci.accountable == role);
    !conflict && (!in_house || p.engagement == Engagement::Employee)
}

/// The changes that could answer `gap` on `team`.
fn candidates(team: &Team, gap: &Gap) -> Vec<Change> {
    let people = 0..team.people.len();
    let id = |i: usize| team.people[i].id.to_string();
    match (gap.kind, gap.role, &gap.person) {
        (Kind::Missing | Kind::Recommended, Some(role), _) => people
            .filter(|&i| may_take(team, i, role, None))
            .map(|i| Change::AddRole {
                person: id(i),
                role,
            })
            .collect(),
        (Kind::NoLead, Some(role), _) => Resolved::new(team).holders[role]
            .iter()
            .map(|&i| Change::Lead {
                person: id(i),
                role,
            })
            .collect(),
        (Kind::Overloaded, _, Some(who)) => {
            let Some(from) = team.people.iter().position(|p| *p.id == **who) else {
                return Vec::new();
            };
            let roles: Vec<RoleIdx> = team.people[from]
                .roles
                .iter()
                .filter_map(|r| team.catalog.role(&r.name))
                .collect();
            roles
                .into_iter()
                .flat_map(|role| {
                    (0..team.people.len())
                        .filter(move |&i| i != from && may_take(team, i, role, None))
                        .map(move |i| Change::MoveRole {
                            from: who.clone(),
                            to: id(i),
                            role,
                        })
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// Answer every gap of `team`, one after another on the team as the earlier answers left
/// it. Returns each gap's outcome, the team with every chosen change made, and how many
/// gaps were left for a later run (past [`MAX_GAPS`]).
#[must_use]
pub fn answer(team: &Team) -> (Vec<Outcome>, Team, usize) {
    let mut state = team.clone();
    // Whole-team checks to spend: plenty for a team, a few for an org of 100k people.
    let mut budget = (2_000_000 / team.people.len().max(1)).clamp(3 * PER_GAP, 5_000);
    let start = findings(&state);
    let mut outcomes = Vec::new();
    let mut all = gaps(team, &start);
    let more = all.len().saturating_sub(MAX_GAPS);
    all.truncate(MAX_GAPS);
    for gap in all {
        let now = findings(&state);
        let gap_key = now
            .iter()
            .find(|f| f.rule == gap.kind.rule() && same_gap(&state, f, &gap))
            .map(key);
        // Answered already by an earlier change.
        let Some(gap_key) = gap_key else { continue };
        if let Some(instead) = instead(&state, &gap, &now) {
            outcomes.push(Outcome {
                gap,
                chosen: None,
                others: Vec::new(),
                instead: Some(instead),
            });
            continue;
        }
        let before: HashSet<_> = now.iter().map(key).collect();
        let loads_before = Resolved::new(&state).loads();
        let mut judged: Vec<(Rank, Answer, Team)> = Vec::new();
        // The most promising first (related work, then room), and only as many as the
        // budget of whole-team checks allows: a big org costs a lot per check.
        let mut list = candidates(&state, &gap);
        // Each person's place, looked up once (a big org has 100k people and as many
        // candidates for an overloaded person's roles).
        let place: foldhash::HashMap<&str, usize> = state
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (&*p.id, i))
            .collect();
        list.sort_by_cached_key(|c| {
            let t = place.get(c.taker()).copied();
            let room = t.map_or(0.0, |t| {
                loads_before[t].allowed - as_f64(loads_before[t].ra)
            });
            #[allow(clippy::cast_possible_truncation, reason = "a rank, rounded")]
            let room = -(room * 100.0).round() as i64;
            (t.and_then(|t| related(&state, t, c.role())).is_none(), room)
        });
        let allowed = budget.min(PER_GAP);
        if list.len() > allowed {
            list.truncate(allowed);
        }
        budget -= list.len();
        for change in list {
            let mut next = state.clone();
            if !change.make(&mut next) {
                continue;
            }
            let after = findings(&next);
            if after.iter().any(|f| key(f) == gap_key) {
                continue;
            }
            let added: Vec<&Finding> = after.iter().filter(|f| !before.contains(&key(f))).collect();
            // Never an error, never work to keep in house handed out, and the team must end
            // with fewer findings (a swap of one warning for another is no answer).
            let errors = added.iter().filter(|f| f.level == Severity::Error).count();
            let outsourced = added
                .iter()
                .any(|f| f.rule == Rule::OutsourcedAccountability);
            if errors > 0 || outsourced || after.len() >= now.len() {
                continue;
            }
            let taker = next.people.iter().position(|p| *p.id == *change.taker());
            let loads = Resolved::new(&next).loads();
            let spare = taker.map_or(0.0, |t| loads[t].allowed - as_f64(loads[t].ra));
            let same_unit = same_unit(&state, &gap, change.taker());
            let related = taker.and_then(|t| related(&state, t, change.role()));
            let mut reason = reason(
                &state,
                &change,
                taker.map(|t| (loads_before.get(t).copied(), loads[t])),
                same_unit && gap.kind == Kind::Overloaded,
            );
            if let Some(why) = &related {
                reason = format!("{why}; {reason}");
            }
            let also = added
                .iter()
                .map(|f| format!("{}[{}]: {}", f.level.as_str(), f.rule.name(), f.message))
                .collect();
            #[allow(clippy::cast_possible_truncation, reason = "a rank, rounded")]
            let rank = (
                added.len(),
                usize::from(!same_unit),
                related.is_none(),
                -(spare * 100.0).round() as i64,
            );
            judged.push((
                rank,
                Answer {
                    change,
                    reason,
                    also,
                },
                next,
            ));
        }
        judged.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| a.1.change.taker().cmp(b.1.change.taker()))
        });
        let mut judged = judged.into_iter();
        let chosen = judged.next().map(|(_, answer, next)| {
            state = next;
            answer
        });
        outcomes.push(Outcome {
            gap,
            chosen,
            others: judged.take(3).map(|(_, a, _)| a).collect(),
            instead: None,
        });
    }
    (outcomes, state, more)
}

/// Whether finding `f` is the gap `gap` (same role or person).
fn same_gap(team: &Team, f: &Finding, gap: &Gap) -> bool {
    let facts = f.facts();
    match gap.kind {
        Kind::Overloaded => facts.person == gap.person,
        _ => facts.role.as_deref().and_then(|r| team.catalog.role(r)) == gap.role,
    }
}

//! A plan's timeline: per period, headcount, fte, cost, open positions and uncovered
//! required roles; then totals by unit, role, area and engagement.

use indexmap::IndexMap;
use jiff::civil::Date;

use super::entries::{Entry, Plan};
use super::gaps::{Coverage, Gap};
use super::period::{By, Period, as_f64, days, overlap, periods};
use crate::catalog::Catalog;

/// One period of the timeline.
#[derive(Debug, Clone)]
pub struct Row {
    pub period: Period,
    /// People on an average day (a person in two units is one).
    pub headcount: f64,
    /// Their summed fte on an average day.
    pub fte: f64,
    /// Yearly cost × days present ÷ days in that year, summed.
    pub cost: f64,
    /// Open positions counted in the period (the plan takes each as filled on its start).
    pub open: usize,
    /// Required roles no entry holds on some day of the period.
    pub uncovered: Vec<String>,
}

/// Totals over the whole range for one group (a unit, a role, an area, an engagement).
#[derive(Debug, Clone, Default)]
pub struct Total {
    /// Fte on an average day of the range.
    pub fte: f64,
    pub cost: f64,
}

/// The timeline and its totals.
#[derive(Debug, Clone)]
pub struct Timeline {
    pub from: Date,
    pub to: Date,
    pub rows: Vec<Row>,
    /// The whole range as one period: average headcount and fte, the summed cost, the
    /// open positions counted and the required roles uncovered on some day.
    pub whole: Row,
    pub by_unit: IndexMap<String, Total>,
    /// Apportioned: an entry's cost and fte split evenly over its roles.
    pub by_role: IndexMap<String, Total>,
    /// Apportioned: each role's share goes to its main area.
    pub by_area: IndexMap<String, Total>,
    pub by_engagement: IndexMap<String, Total>,
    pub gaps: Vec<Gap>,
    /// Entries present in the range with no `cost`: the costs leave them out.
    pub without_cost: usize,
}

/// The timeline of `plan` from `from` to `to` (inclusive), cut by `by`.
#[must_use]
pub fn timeline(plan: &Plan<'_>, from: Date, to: Date, by: By) -> Timeline {
    let periods = periods(from, to, by);
    let range_days = days(from, to).max(1);
    let (alone, several) = repeated_ids(&plan.entries);
    let mut t = Timeline {
        from,
        to,
        rows: Vec::new(),
        whole: Row {
            period: Period {
                label: "Total".to_owned(),
                start: from,
                end: to,
            },
            headcount: 0.0,
            fte: 0.0,
            cost: 0.0,
            open: 0,
            uncovered: Vec::new(),
        },
        by_unit: IndexMap::new(),
        by_role: IndexMap::new(),
        by_area: IndexMap::new(),
        by_engagement: IndexMap::new(),
        gaps: Vec::new(),
        without_cost: 0,
    };
    let areas: Vec<Vec<String>> = plan
        .teams
        .iter()
        .map(|team| main_areas(&team.catalog))
        .collect();
    t.gaps = Coverage::of(plan).gaps(plan, from, to);
    let several_teams = plan.teams.len() > 1;
    t.rows = periods
        .into_iter()
        .map(|period| {
            let mut uncovered: Vec<String> = t
                .gaps
                .iter()
                .filter(|g| g.from <= period.end && g.to.is_none_or(|to| to >= period.start))
                .map(|g| {
                    if several_teams {
                        format!("{}: {}", g.team, g.role)
                    } else {
                        g.role.clone()
                    }
                })
                .collect();
            uncovered.dedup();
            Row {
                headcount: 0.0,
                fte: 0.0,
                cost: 0.0,
                open: 0,
                uncovered,
                period,
            }
        })
        .collect();
    let years: Vec<f64> = t
        .rows
        .iter()
        .map(|r| as_f64(i64::from(r.period.start.days_in_year())))
        .collect();
    for e in &plan.entries {
        // What the entry adds up to over the range, for the totals.
        let (mut fte_days, mut cost) = (0.0, 0.0);
        let mut seen = false;
        for (row, year) in t.rows.iter_mut().zip(&years) {
            let p = &row.period;
            let present = overlap(e.start, e.end, p.start, p.end);
            if present == 0 {
                continue;
            }
            seen = true;
            let share = as_f64(present);
            row.fte += e.person.fte * share / as_f64(p.days());
            row.open += usize::from(e.person.is_open());
            let c = e.person.cost().map_or(0.0, |c| c * share / year);
            row.cost += c;
            cost += c;
            fte_days += e.person.fte * share;
        }
        if !seen {
            continue;
        }
        t.without_cost += usize::from(e.person.cost().is_none());
        t.whole.open += usize::from(e.person.is_open());
        let fte = fte_days / as_f64(range_days);
        let team = plan.teams[e.team];
        add(&mut t.by_unit, e.place(plan), fte, cost);
        add(
            &mut t.by_engagement,
            e.person.engagement.as_str(),
            fte,
            cost,
        );
        let roles = as_f64(i64::try_from(e.roles.len().max(1)).unwrap_or(1));
        let (fte_part, cost_part) = (fte / roles, cost / roles);
        if e.roles.is_empty() {
            add(&mut t.by_role, "(no role)", fte_part, cost_part);
            add(&mut t.by_area, "(no role)", fte_part, cost_part);
        }
        for &r in &e.roles {
            add(
                &mut t.by_role,
                &team.catalog.roles[r].id,
                fte_part,
                cost_part,
            );
            add(&mut t.by_area, &areas[e.team][r], fte_part, cost_part);
        }
    }
    // One head per person id on each day, in however many units.
    for row in &mut t.rows {
        let p = &row.period;
        let alone_days: i64 = plan
            .entries
            .iter()
            .zip(&alone)
            .filter(|(_, alone)| **alone)
            .map(|(e, _)| overlap(e.start, e.end, p.start, p.end))
            .sum();
        let shared_days: i64 = several
            .iter()
            .map(|group| union_days(group, &plan.entries, p))
            .sum();
        row.headcount = as_f64(alone_days + shared_days) / as_f64(p.days());
    }
    let weighted = |f: &dyn Fn(&Row) -> f64| {
        t.rows
            .iter()
            .map(|r| f(r) * as_f64(r.period.days()))
            .sum::<f64>()
            / as_f64(range_days)
    };
    t.whole.headcount = weighted(&|r| r.headcount);
    t.whole.fte = weighted(&|r| r.fte);
    t.whole.cost = t.rows.iter().map(|r| r.cost).sum();
    let mut uncovered: Vec<String> = t.rows.iter().flat_map(|r| r.uncovered.clone()).collect();
    uncovered.sort();
    uncovered.dedup();
    t.whole.uncovered = uncovered;
    for totals in [
        &mut t.by_unit,
        &mut t.by_role,
        &mut t.by_area,
        &mut t.by_engagement,
    ] {
        totals.sort_by(|a, _, b, _| a.cmp(b));
    }
    t
}

fn add(totals: &mut IndexMap<String, Total>, key: &str, fte: f64, cost: f64) {
    let total = match totals.get_mut(key) {
        Some(t) => t,
        None => totals.entry(key.to_owned()).or_default(),
    };
    total.fte += fte;
    total.cost += cost;
}

/// Which entries are the only one of their person id, and the groups of entries that share
/// one (a big plan has 100k entries, nearly all alone).
fn repeated_ids(entries: &[Entry<'_>]) -> (Vec<bool>, Vec<Vec<usize>>) {
    let mut first: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
    first.reserve(entries.len());
    let mut alone = vec![true; entries.len()];
    let mut group_of: foldhash::HashMap<usize, usize> = foldhash::HashMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let f = *first.entry(&e.person.id).or_insert(i);
        if f != i {
            alone[f] = false;
            alone[i] = false;
            let g = *group_of.entry(f).or_insert_with(|| {
                groups.push(vec![f]);
                groups.len() - 1
            });
            groups[g].push(i);
        }
    }
    (alone, groups)
}

/// The days of `period` on which at least one entry of `group` counts.
fn union_days(group: &[usize], entries: &[Entry<'_>], period: &Period) -> i64 {
    let mut spans: Vec<(Date, Date)> = group
        .iter()
        .map(|&i| &entries[i])
        .map(|e| {
            (
                e.start.map_or(period.start, |s| s.max(period.start)),
                e.end.map_or(period.end, |x| x.min(period.end)),
            )
        })
        .filter(|(a, b)| a <= b)
        .collect();
    spans.sort_unstable();
    let mut total = 0;
    let mut current: Option<(Date, Date)> = None;
    for (a, b) in spans {
        current = match current {
            Some((ca, cb)) if a <= cb.tomorrow().unwrap_or(cb) => Some((ca, cb.max(b))),
            Some((ca, cb)) => {
                total += days(ca, cb);
                Some((a, b))
            }
            None => Some((a, b)),
        };
    }
    total + current.map_or(0, |(a, b)| days(a, b))
}

/// Each role's main area, as a word (`other` for a role accountable or responsible for
/// nothing).
fn main_areas(catalog: &Catalog) -> Vec<String> {
    catalog
        .main_areas()
        .into_iter()
        .map(|a| a.map_or_else(|| "other".to_owned(), |a| a.as_str().to_owned()))
        .collect()
}

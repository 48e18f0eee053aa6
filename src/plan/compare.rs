//! Plans compared: each one's headcount, fte, cost and gaps over the same range, and what
//! changes from the first (people and positions added, removed, moved or changed) with the
//! cost of each change.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::entries::{Entry, Plan};
use super::period::{as_f64, days, overlap};
use super::timeline::Timeline;

/// One plan's figures over the range.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// On an average day.
    pub headcount: f64,
    pub fte: f64,
    /// Over the whole range.
    pub cost: f64,
    /// Required roles (per team) uncovered on some day.
    pub gaps: usize,
    /// The days each required role goes uncovered, added up.
    pub gap_days: i64,
    /// People and positions present in the range with no `cost`.
    pub without_cost: usize,
}

/// What changes for one person id from the first plan to another.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub kind: Kind,
    pub id: String,
    pub name: String,
    /// What changed, in words.
    pub detail: String,
    /// The change in cost over the range.
    pub cost: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Added,
    Removed,
    Moved,
    Changed,
}

impl Kind {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Added => "added",
            Kind::Removed => "removed",
            Kind::Moved => "moved",
            Kind::Changed => "changed",
        }
    }
}

/// A plan's figures from its timeline.
#[must_use]
pub fn figures(t: &Timeline) -> Figures {
    let mut gaps: Vec<(&str, &str)> = t.gaps.iter().map(|g| (&*g.team, &*g.role)).collect();
    gaps.sort_unstable();
    gaps.dedup();
    Figures {
        headcount: t.whole.headcount,
        fte: t.whole.fte,
        cost: t.whole.cost,
        gaps: gaps.len(),
        gap_days: t
            .gaps
            .iter()
            .map(|g| days(g.from, g.to.unwrap_or(t.to)))
            .sum(),
        without_cost: t.without_cost,
    }
}

/// The cost of an entry from `from` to `to`: its yearly cost for each day present, over the
/// days of that day's year.
#[must_use]
pub fn cost_in(e: &Entry<'_>, from: Date, to: Date) -> f64 {
    let Some(cost) = e.person.cost() else {
        return 0.0;
    };
    let mut total = 0.0;
    let mut start = from;
    while start <= to {
        let year_end = Date::new(start.year(), 12, 31).unwrap_or(to).min(to);
        let present = overlap(e.start, e.end, start, year_end);
        total += cost * as_f64(present) / as_f64(i64::from(start.days_in_year()));
        let Ok(next) = year_end.tomorrow() else { break };
        start = next;
    }
    total
}

/// Per person id: name, the places they are in, and the terms of each entry.
#[derive(Debug, Default)]
struct Who {
    name: String,
    places: Vec<String>,
    terms: Vec<Terms>,
    cost: f64,
}

/// An entry's terms, each as (what, value): status, roles, fte, cost, dates.
type Terms = Vec<(&'static str, String)>;

fn people(plan: &Plan<'_>, from: Date, to: Date) -> BTreeMap<String, Who> {
    let mut out: BTreeMap<String, Who> = BTreeMap::new();
    for e in &plan.entries {
        let who = out.entry(e.person.id.to_string()).or_default();
        who.name = e.person.name.to_string();
        // A move is between units (or teams of one plan), not a plan's own name.
        if let Some(place) = e
            .unit
            .map(str::to_owned)
            .or_else(|| (plan.teams.len() > 1).then(|| plan.teams[e.team].name.clone()))
        {
            who.places.push(place);
        }
        who.terms.push(terms(plan, e));
        who.cost += cost_in(e, from, to);
    }
    for who in out.values_mut() {
        who.places.sort();
        who.terms.sort();
    }
    out
}

/// "in Web, " (nothing outside units).
fn within(places: &[String], word: &str) -> String {
    if places.is_empty() {
        String::new()
    } else {
        format!("{word} {} ", places.join(", "))
    }
}

fn terms(plan: &Plan<'_>, e: &Entry<'_>) -> Terms {
    let catalog = &plan.teams[e.team].catalog;
    let roles: Vec<&str> = e
        .roles
        .iter()
        .map(|&r| catalog.roles[r].id.as_str())
        .collect();
    let day = |d: Option<Date>| d.map_or_else(|| "…".to_owned(), |d| d.to_string());
    vec![
        (
            "status",
            if e.person.is_open() {
                "open position"
            } else {
                "filled"
            }
            .to_owned(),
        ),
        ("roles", roles.join(" + ")),
        ("fte", crate::diag::words::fte(e.person.fte)),
        (
            "cost",
            e.person
                .cost()
                .map_or_else(|| "none".to_owned(), |c| format!("{c}/yr")),
        ),
        (
            "dates",
            format!("{} to {}", day(e.person.start()), day(e.person.end())),
        ),
    ]
}

/// "open position, web-developer, fte 1, cost 85000/yr, 2027-04-01 to …".
fn said(terms: &[Terms]) -> String {
    terms
        .iter()
        .map(|t| {
            t.iter()
                .filter(|(what, value)| {
                    !matches!(
                        (*what, value.as_str()),
                        ("status", "filled") | ("dates", "… to …") | ("cost", "none")
                    )
                })
                .map(|(what, value)| match *what {
                    "fte" => format!("fte {value}"),
                    "cost" => format!("cost {value}"),
                    _ => value.clone(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// What differs between two sets of terms: "fte 0.6 → 1, cost 30000/yr → 50000/yr" for one
/// entry each, else the whole terms.
fn difference(before: &[Terms], after: &[Terms]) -> String {
    match (before, after) {
        ([b], [a]) => b
            .iter()
            .zip(a)
            .filter(|(x, y)| x.1 != y.1)
            .map(|((what, x), (_, y))| format!("{what} {x} → {y}"))
            .collect::<Vec<_>>()
            .join(", "),
        _ => format!("{} → {}", said(before), said(after)),
    }
}

/// What changes from `base` to `other`, person id by person id.
#[must_use]
pub fn changes(base: &Plan<'_>, other: &Plan<'_>, from: Date, to: Date) -> Vec<Change> {
    let before = people(base, from, to);
    let after = people(other, from, to);
    let mut out = Vec::new();
    for (id, b) in &before {
        match after.get(id) {
            None => out.push(Change {
                kind: Kind::Removed,
                id: id.clone(),
                name: b.name.clone(),
                detail: format!("{}({})", within(&b.places, "was in"), said(&b.terms)),
                cost: -b.cost,
            }),
            Some(a) if a.places != b.places => out.push(Change {
                kind: Kind::Moved,
                id: id.clone(),
                name: a.name.clone(),
                detail: if a.terms == b.terms {
                    format!("{} → {}", b.places.join(", "), a.places.join(", "))
                } else {
                    format!(
                        "{} → {}; {}",
                        b.places.join(", "),
                        a.places.join(", "),
                        difference(&b.terms, &a.terms)
                    )
                },
                cost: a.cost - b.cost,
            }),
            Some(a) if a.terms != b.terms => out.push(Change {
                kind: Kind::Changed,
                id: id.clone(),
                name: a.name.clone(),
                detail: difference(&b.terms, &a.terms),
                cost: a.cost - b.cost,
            }),
            Some(_) => {}
        }
    }
    for (id, a) in after.iter().filter(|(id, _)| !before.contains_key(*id)) {
        out.push(Change {
            kind: Kind::Added,
            id: id.clone(),
            name: a.name.clone(),
            detail: format!("{}({})", within(&a.places, "in"), said(&a.terms)),
            cost: a.cost,
        });
    }
    out
}

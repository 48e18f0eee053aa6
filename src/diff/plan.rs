//! What a change does to a plan: a person's dates, status, backfill or cost, and positions
//! added or removed (whoever holds nothing on the day checked included).

use std::collections::BTreeMap;

use super::value::ValueChange;
use crate::team::{Person, Team};

/// A person's planning terms, each as (what, value), the ones the file gives.
type Terms = Vec<(&'static str, String)>;

fn terms(p: &Person) -> Terms {
    let Some(plan) = &p.plan else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if plan.open {
        out.push(("status", "open".to_owned()));
    }
    if let Some(d) = plan.start {
        out.push(("start", d.to_string()));
    }
    if let Some(d) = plan.end {
        out.push(("end", d.to_string()));
    }
    if let Some(b) = &plan.backfills {
        out.push(("backfills", b.name.to_string()));
    }
    if let Some(c) = plan.cost {
        out.push(("cost", format!("{c}/yr")));
    }
    out
}

/// "status open, start 2027-06-15, cost 68000/yr"; "none" for no terms.
fn said(terms: &[Terms]) -> String {
    let text = terms
        .iter()
        .filter(|t| !t.is_empty())
        .map(|t| {
            t.iter()
                .map(|(what, value)| format!("{what} {value}"))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect::<Vec<_>>()
        .join("; ");
    if text.is_empty() {
        "none".to_owned()
    } else {
        text
    }
}

/// Everyone of a team, by id, with the terms of each of their entries: people and whoever
/// holds nothing that day (one id in two units of an org has two).
fn everyone(team: &Team) -> BTreeMap<&str, Vec<Terms>> {
    let mut out: BTreeMap<&str, Vec<Terms>> = BTreeMap::new();
    for p in team.people.iter().chain(&team.off) {
        out.entry(&p.id).or_default().push(terms(p));
    }
    for t in out.values_mut() {
        t.sort();
    }
    out
}

/// The planning terms that changed, person by person, in a team on both sides: for one
/// entry on each side, only the terms that differ ("start 2027-06-15 → 2027-07-01").
#[must_use]
pub fn plan_changes(old: Option<&Team>, new: Option<&Team>) -> Vec<ValueChange<String>> {
    let (Some(old), Some(new)) = (old, new) else {
        return Vec::new();
    };
    let (before, after) = (everyone(old), everyone(new));
    let mut ids: Vec<&str> = before.keys().chain(after.keys()).copied().collect();
    ids.sort_unstable();
    ids.dedup();
    let none: Vec<Terms> = Vec::new();
    let mut out = Vec::new();
    for id in ids {
        let (b, a) = (
            before.get(id).unwrap_or(&none),
            after.get(id).unwrap_or(&none),
        );
        if said(b) == said(a) {
            continue;
        }
        let (old, new) = match (b.as_slice(), a.as_slice()) {
            ([x], [y]) => {
                let keys = ["status", "start", "end", "backfills", "cost"];
                let value = |t: &Terms, k: &str| {
                    t.iter()
                        .find(|(what, _)| *what == k)
                        .map_or_else(|| "none".to_owned(), |(_, v)| v.clone())
                };
                let changed: Vec<&str> = keys
                    .into_iter()
                    .filter(|k| value(x, k) != value(y, k))
                    .collect();
                let side = |t: &Terms| {
                    changed
                        .iter()
                        .map(|k| format!("{k} {}", value(t, k)))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                (side(x), side(y))
            }
            _ => (said(b), said(a)),
        };
        out.push(ValueChange {
            person: id.to_owned(),
            old,
            new,
        });
    }
    out
}

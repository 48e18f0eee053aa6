//! What a change does to a plan: a person's dates, status, backfill or cost, and positions
//! added or removed (whoever holds nothing on the day checked included).

use std::collections::BTreeMap;

use super::value::ValueChange;
use crate::team::{Person, Team};

/// A person's planning terms in words: "open position, 2027-06-15 to …, backfills tom,
/// cost 68000/yr"; empty when the file gives none.
fn terms(p: &Person) -> String {
    let Some(plan) = &p.plan else {
        return String::new();
    };
    let mut parts = Vec::new();
    if plan.open {
        parts.push("open position".to_owned());
    }
    if plan.start.is_some() || plan.end.is_some() {
        let day =
            |d: Option<jiff::civil::Date>| d.map_or_else(|| "…".to_owned(), |d| d.to_string());
        parts.push(format!("{} to {}", day(plan.start), day(plan.end)));
    }
    if let Some(b) = &plan.backfills {
        parts.push(format!("backfills {}", b.name));
    }
    if let Some(c) = plan.cost {
        parts.push(format!("cost {c}/yr"));
    }
    parts.join(", ")
}

/// Everyone of a team, by id, with their planning terms: people and whoever holds nothing
/// that day (one id in two units of an org: both entries' terms).
fn everyone(team: &Team) -> BTreeMap<&str, String> {
    let mut out: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for p in team.people.iter().chain(&team.off) {
        out.entry(&p.id).or_default().push(terms(p));
    }
    out.into_iter()
        .map(|(id, mut t)| {
            t.retain(|t| !t.is_empty());
            t.sort();
            (id, t.join("; "))
        })
        .collect()
}

/// The planning terms that changed, person by person ("none" for a side without them, or
/// without the person), in a team on both sides.
#[must_use]
pub fn plan_changes(old: Option<&Team>, new: Option<&Team>) -> Vec<ValueChange<String>> {
    let (Some(old), Some(new)) = (old, new) else {
        return Vec::new();
    };
    let (before, after) = (everyone(old), everyone(new));
    let mut ids: Vec<&str> = before.keys().chain(after.keys()).copied().collect();
    ids.sort_unstable();
    ids.dedup();
    let said = |t: Option<&String>| {
        t.filter(|t| !t.is_empty())
            .cloned()
            .unwrap_or_else(|| "none".to_owned())
    };
    ids.into_iter()
        .filter_map(|id| {
            let (o, n) = (said(before.get(id)), said(after.get(id)));
            (o != n).then(|| ValueChange {
                person: id.to_owned(),
                old: o,
                new: n,
            })
        })
        .collect()
}

//! A planned team's part of the report page: the day it was checked, who it leaves out that
//! day, and its people and positions with their dates and cost. Nothing for a team without
//! planning fields (its section stays as it was).

use std::fmt::Write as _;

use jiff::civil::Date;

use super::escape::html as escape;
use super::plan::numbers::money;
use crate::diag::words::{count, fte as written_fte};
use crate::team::{Person, Team};

/// Whether a team's file has a planning field: a date, an open position or a cost.
#[must_use]
pub fn has_plan(team: &Team) -> bool {
    team.people
        .iter()
        .chain(&team.off)
        .chain(&team.roster)
        .any(|p| p.plan.is_some())
}

/// Ids as code, comma-separated.
pub fn codes<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.map(|id| format!("<code>{}</code>", escape(id)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A planned team's facts beyond the page's usual ones: the day checked, and who it does not
/// count that day. Empty for a team without planning fields.
#[must_use]
pub fn facts(team: &Team) -> String {
    let Some(at) = team.at.filter(|_| has_plan(team)) else {
        return String::new();
    };
    let mut out = format!("<dt>checked on</dt><dd>{at}</dd>");
    if !team.off.is_empty() {
        let open = team.off.iter().filter(|p| p.is_open()).count();
        let mut parts = Vec::new();
        if open > 0 {
            parts.push(count(open, "open position"));
        }
        if team.off.len() > open {
            let n = team.off.len() - open;
            parts.push(format!(
                "{n} {} not started yet or gone",
                if n == 1 { "person" } else { "people" }
            ));
        }
        let _ = write!(
            out,
            "<dt>not counted that day</dt><dd>{}</dd>",
            parts.join(", ")
        );
    }
    out
}

/// A planned team's people and positions as written, with their dates and cost (the columns
/// no entry fills are left out). Empty for a team without planning fields.
#[must_use]
pub fn people(team: &Team) -> String {
    if !has_plan(team) {
        return String::new();
    }
    // Every entry as written, with its unit; without the roster, who holds and who does not.
    let entries: Vec<(&Person, Option<&str>)> = match (&team.org, team.roster.is_empty()) {
        (Some(org), false) => org
            .units
            .iter()
            .flat_map(|u| {
                team.roster[u.roster.clone()]
                    .iter()
                    .map(|p| (&**p, Some(u.name.as_str())))
            })
            .collect(),
        (None, false) => team.roster.iter().map(|p| (&**p, None)).collect(),
        (_, true) => team
            .people
            .iter()
            .chain(&team.off)
            .map(|p| (&**p, None))
            .collect(),
    };
    let units = entries.iter().any(|(_, u)| u.is_some());
    let starts = entries.iter().any(|(p, _)| p.start().is_some());
    let ends = entries.iter().any(|(p, _)| p.end().is_some());
    let costs = entries.iter().any(|(p, _)| p.cost().is_some());
    let currency = team
        .currency
        .as_ref()
        .map_or_else(String::new, |c| format!(" ({})", escape(c.get_ref())));
    let mut out = String::from(
        "<h3>People and positions, with their dates and cost</h3>\n<table class=\"plain people\"><thead><tr><th scope=\"col\">person</th>",
    );
    // Each column: shown, heading, class.
    let columns = [
        (units, "unit".to_owned(), ""),
        (true, "roles".to_owned(), ""),
        (true, "fte".to_owned(), "num"),
        (starts, "start".to_owned(), "date"),
        (ends, "end".to_owned(), "date"),
        (costs, format!("cost per year{currency}"), "num"),
        (
            team.at.is_some(),
            team.at.map(|d| format!("on {d}")).unwrap_or_default(),
            "date",
        ),
    ];
    for (shown, head, class) in &columns {
        if *shown {
            let _ = write!(out, "<th scope=\"col\"{}>{head}</th>", class_of(class));
        }
    }
    out.push_str("</tr></thead><tbody>\n");
    for (p, unit) in entries {
        let cells = [
            escape(unit.unwrap_or_default()),
            codes(p.roles.iter().map(|r| r.name.as_str())),
            written_fte(p.fte),
            day(p.start()),
            day(p.end()),
            p.cost().map(money).unwrap_or_default(),
            standing(p, team.at),
        ];
        let _ = write!(out, "<tr><td>{}</td>", escape(&p.name));
        for ((shown, _, class), cell) in columns.iter().zip(cells) {
            if *shown {
                let _ = write!(out, "<td{}>{cell}</td>", class_of(class));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
    out
}

fn class_of(class: &str) -> String {
    if class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{class}\"")
    }
}

/// A day, or nothing.
pub fn day(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// Where an entry stands on the day checked.
fn standing(p: &Person, at: Option<Date>) -> String {
    let Some(at) = at else {
        return String::new();
    };
    if p.is_open() {
        "open position"
    } else if p.start().is_some_and(|s| at < s) {
        "not started yet"
    } else if p.end().is_some_and(|e| e < at) {
        "gone"
    } else {
        "counted"
    }
    .to_owned()
}

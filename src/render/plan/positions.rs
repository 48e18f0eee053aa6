//! `teamplan plan --positions`: the open positions as a hiring plan, in the columns
//! headcount tools import.

use serde::Serialize;

use super::grid::{Grid, Layout, render};
use super::numbers::{money, plain, round2, to_json};
use crate::plan::{Entry, Plan};

/// The open positions, by start date (then place and id).
#[must_use]
pub fn open_positions<'p>(plan: &'p Plan<'_>) -> Vec<&'p Entry<'p>> {
    let mut open: Vec<&Entry<'_>> = plan.entries.iter().filter(|e| e.person.is_open()).collect();
    open.sort_by_key(|e| {
        (
            e.person.start(),
            e.place(plan).to_owned(),
            e.person.id.clone(),
        )
    });
    open
}

fn roles(plan: &Plan<'_>, e: &Entry<'_>) -> Vec<String> {
    let catalog = &plan.teams[e.team].catalog;
    e.roles
        .iter()
        .map(|&r| catalog.roles[r].id.clone())
        .collect()
}

/// The hiring plan as a table, markdown or CSV.
///
/// # Errors
/// Never in practice (writing to memory).
pub fn grids(plan: &Plan<'_>, layout: Layout) -> anyhow::Result<String> {
    let currency = plan.currency.clone().unwrap_or_default();
    let rows: Vec<Vec<String>> = open_positions(plan)
        .into_iter()
        .map(|e| {
            vec![
                e.person.name.to_string(),
                e.place(plan).to_owned(),
                roles(plan, e).join("; "),
                e.person.start().map(|d| d.to_string()).unwrap_or_default(),
                e.person.cost().map_or_else(String::new, |c| {
                    if layout == Layout::Csv {
                        plain(c)
                    } else {
                        money(c)
                    }
                }),
                currency.clone(),
                "Open".to_owned(),
                e.person
                    .plan
                    .as_ref()
                    .and_then(|p| p.backfills.as_ref())
                    .map(|b| b.name.to_string())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let note = rows.is_empty().then(|| {
        "No open positions: a position to hire is a `[people.ID]` entry with `status = \"open\"` and a `start`.".to_owned()
    });
    render(
        &[Grid {
            title: "Open positions".to_owned(),
            header: [
                "Title",
                "Unit",
                "Role",
                "Start Date",
                "Cost",
                "Currency",
                "Status",
                "Backfills",
            ]
            .map(String::from)
            .to_vec(),
            rows,
            numeric: vec![4],
            note,
        }],
        layout,
    )
}

#[derive(Serialize)]
struct Position<'a> {
    id: &'a str,
    title: &'a str,
    unit: &'a str,
    team: &'a str,
    roles: Vec<String>,
    start: Option<String>,
    cost: Option<f64>,
    currency: Option<&'a str>,
    status: &'a str,
    backfills: Option<&'a str>,
}

/// The hiring plan as JSON (`"version": 1`).
#[must_use]
pub fn json(plan: &Plan<'_>) -> String {
    let list: Vec<Position<'_>> = open_positions(plan)
        .into_iter()
        .map(|e| Position {
            id: &e.person.id,
            title: &e.person.name,
            unit: e.place(plan),
            team: &plan.teams[e.team].name,
            roles: roles(plan, e),
            start: e.person.start().map(|d| d.to_string()),
            cost: e.person.cost().map(round2),
            currency: plan.currency.as_deref(),
            status: "open",
            backfills: e
                .person
                .plan
                .as_ref()
                .and_then(|p| p.backfills.as_ref())
                .map(|b| b.name.as_str()),
        })
        .collect();
    to_json(&serde_json::json!({ "version": 1, "positions": list }))
}

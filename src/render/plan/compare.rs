//! `teamplan plan --compare`: plans side by side, and each one's changes from the first.

use serde::Serialize;

use super::grid::{Grid, Layout, render};
use super::numbers::{fte, heads, money, plain, round2, to_json};
use crate::plan::{Change, Figures};

/// One plan as compared.
#[derive(Debug, Clone)]
pub struct Compared {
    pub name: String,
    /// The path it was read from, as given.
    pub path: String,
    pub figures: Figures,
    pub errors: usize,
    pub warnings: usize,
    /// From the first plan (empty for the first).
    pub changes: Vec<Change>,
}

/// What the comparison is over.
#[derive(Debug, Clone, Copy)]
pub struct Range<'a> {
    pub from: jiff::civil::Date,
    pub to: jiff::civil::Date,
    pub at: jiff::civil::Date,
    pub currency: Option<&'a str>,
}

fn signed(value: f64, layout: Layout) -> String {
    if layout == Layout::Csv {
        return plain(value);
    }
    if value > 0.5 {
        format!("+{}", money(value))
    } else {
        money(value)
    }
}

/// The plans side by side, then each one's changes (CSV: the side-by-side table only).
///
/// # Errors
/// Never in practice (writing to memory).
pub fn grids(plans: &[Compared], r: Range<'_>, layout: Layout) -> anyhow::Result<String> {
    let cost = match r.currency {
        Some(c) => format!("Cost ({c})"),
        None => "Cost".to_owned(),
    };
    let base = plans.first().map_or(0.0, |p| p.figures.cost);
    let mut out = vec![Grid {
        title: format!("Plans compared, {} to {} (checked on {})", r.from, r.to, r.at),
        header: [
            "Plan",
            "Headcount (average)",
            "FTE (average)",
            &cost,
            "Cost vs first",
            "Gaps",
            "Uncovered role-days",
            "Errors",
            "Warnings",
        ]
        .map(String::from)
        .to_vec(),
        rows: plans
            .iter()
            .map(|p| {
                vec![
                    p.name.clone(),
                    heads(p.figures.headcount),
                    fte(p.figures.fte),
                    if layout == Layout::Csv {
                        plain(p.figures.cost)
                    } else {
                        money(p.figures.cost)
                    },
                    signed(p.figures.cost - base, layout),
                    p.figures.gaps.to_string(),
                    p.figures.gap_days.to_string(),
                    p.errors.to_string(),
                    p.warnings.to_string(),
                ]
            })
            .collect(),
        numeric: (1..9).collect(),
        note: Some(
            std::iter::once("Gaps: required roles uncovered on some day of the range; role-days: the days each goes uncovered, added up. Errors and warnings: `teamplan check` of each plan on the day checked.".to_owned())
                .chain(plans.iter().filter(|p| p.figures.without_cost > 0).map(|p| {
                    format!(
                        "{}: {} of the people and positions have no `cost`, which its cost leaves out.",
                        p.name, p.figures.without_cost
                    )
                }))
                .collect::<Vec<_>>()
                .join(" "),
        ),
    }];
    for p in plans.iter().skip(1) {
        out.push(Grid {
            title: format!("Changes from {} to {}", plans[0].name, p.name),
            header: ["Change", "Who", "Detail", "Cost impact"]
                .map(String::from)
                .to_vec(),
            rows: p
                .changes
                .iter()
                .map(|c| {
                    vec![
                        c.kind.as_str().to_owned(),
                        if c.name == c.id {
                            c.id.clone()
                        } else {
                            format!("{} ({})", c.name, c.id)
                        },
                        c.detail.clone(),
                        signed(c.cost, layout),
                    ]
                })
                .collect(),
            numeric: vec![3],
            note: p
                .changes
                .is_empty()
                .then(|| "No person or position differs.".to_owned()),
        });
    }
    render(&out, layout)
}

#[derive(Serialize)]
struct PlanJson<'a> {
    name: &'a str,
    path: &'a str,
    headcount: f64,
    fte: f64,
    cost: f64,
    cost_vs_first: f64,
    gaps: usize,
    gap_days: i64,
    errors: usize,
    warnings: usize,
    without_cost: usize,
    changes: Vec<ChangeJson<'a>>,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    change: &'a str,
    id: &'a str,
    name: &'a str,
    detail: &'a str,
    cost: f64,
}

/// The comparison as JSON (`"version": 1`).
#[must_use]
pub fn json(plans: &[Compared], r: Range<'_>) -> String {
    let base = plans.first().map_or(0.0, |p| p.figures.cost);
    let list: Vec<PlanJson<'_>> = plans
        .iter()
        .map(|p| PlanJson {
            name: &p.name,
            path: &p.path,
            headcount: round2(p.figures.headcount),
            fte: round2(p.figures.fte),
            cost: round2(p.figures.cost),
            cost_vs_first: round2(p.figures.cost - base),
            gaps: p.figures.gaps,
            gap_days: p.figures.gap_days,
            errors: p.errors,
            warnings: p.warnings,
            without_cost: p.figures.without_cost,
            changes: p
                .changes
                .iter()
                .map(|c| ChangeJson {
                    change: c.kind.as_str(),
                    id: &c.id,
                    name: &c.name,
                    detail: &c.detail,
                    cost: round2(c.cost),
                })
                .collect(),
        })
        .collect();
    to_json(&serde_json::json!({
        "version": 1,
        "at": r.at.to_string(),
        "from": r.from.to_string(),
        "to": r.to.to_string(),
        "currency": r.currency,
        "plans": list,
    }))
}

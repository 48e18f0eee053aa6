//! `teamplan plan`: the timeline of one plan, its gaps and its totals, in every format.

use serde::Serialize;

use super::grid::{Grid, Layout, render};
use super::numbers::{fte, heads, money, plain, round2};
use crate::plan::{By, Gap, Timeline, Total};

/// What the plan is called and counted in.
#[derive(Debug, Clone, Copy)]
pub struct Heading<'a> {
    pub name: &'a str,
    pub currency: Option<&'a str>,
    pub by: By,
    pub at: jiff::civil::Date,
    /// What the plan decided that a reader should know (see [`crate::plan::Plan::notes`]).
    pub notes: &'a [String],
}

/// The timeline as tables (terminal or markdown) or CSV (the periods only).
///
/// # Errors
/// Never in practice (writing to memory).
pub fn grids(t: &Timeline, h: Heading<'_>, layout: Layout) -> anyhow::Result<String> {
    let costs = t.rows.iter().any(|r| r.cost > 0.0) || t.without_cost == 0;
    let cost_head = match h.currency {
        Some(c) => format!("Cost ({c})"),
        None => "Cost".to_owned(),
    };
    let mut header: Vec<String> = ["Period", "From", "To", "Headcount", "FTE"]
        .map(String::from)
        .to_vec();
    if costs {
        header.push(cost_head.clone());
    }
    header.extend(["Open positions", "Uncovered required roles"].map(String::from));
    // The whole range closes the table (not the CSV, whose rows a spreadsheet adds up).
    let whole = (layout != Layout::Csv && t.rows.len() > 1).then_some(&t.whole);
    let rows = t
        .rows
        .iter()
        .chain(whole)
        .map(|r| {
            let mut row = vec![
                r.period.label.clone(),
                r.period.start.to_string(),
                r.period.end.to_string(),
                if layout == Layout::Csv {
                    plain(r.headcount)
                } else {
                    heads(r.headcount)
                },
                fte(r.fte),
            ];
            if costs {
                row.push(if layout == Layout::Csv {
                    plain(r.cost)
                } else {
                    money(r.cost)
                });
            }
            row.push(r.open.to_string());
            row.push(if r.uncovered.is_empty() && layout != Layout::Csv {
                "none".to_owned()
            } else {
                r.uncovered.join("; ")
            });
            row
        })
        .collect();
    let mut notes = vec![
        "Open positions count from their start: the plan takes each as filled that day (`teamplan check --at` treats it as uncovered until it is).".to_owned(),
    ];
    notes.extend(h.notes.iter().cloned());
    if t.without_cost > 0 {
        notes.push(format!(
            "{} of the people and positions in the plan have no `cost`: the costs leave them out.",
            t.without_cost
        ));
    }
    let by = match h.by {
        By::Month => "month",
        By::Quarter => "quarter",
    };
    let mut out = vec![Grid {
        title: format!(
            "{}: {} to {}, by {by} (checked on {})",
            h.name, t.from, t.to, h.at
        ),
        header,
        rows,
        numeric: (3..if costs { 7 } else { 6 }).collect(),
        note: Some(notes.join(" ")),
    }];
    out.push(gap_grid(&t.gaps));
    for (title, totals, apportioned) in [
        ("By unit", &t.by_unit, false),
        ("By role", &t.by_role, true),
        ("By area", &t.by_area, true),
        ("By engagement", &t.by_engagement, false),
    ] {
        out.push(total_grid(
            title,
            totals,
            apportioned,
            costs.then_some(&cost_head),
        ));
    }
    render(&out, layout)
}

fn gap_grid(gaps: &[Gap]) -> Grid {
    let several = gaps.iter().any(|g| g.team != gaps[0].team);
    Grid {
        title: "When each gap closes".to_owned(),
        header: ["Required role", "Uncovered from", "Until", "Closed by"]
            .map(String::from)
            .to_vec(),
        rows: gaps
            .iter()
            .map(|g| {
                vec![
                    if several {
                        format!("{}: {}", g.team, g.role)
                    } else {
                        g.role.clone()
                    },
                    g.from.to_string(),
                    g.to.map_or_else(|| "the end of the plan".to_owned(), |d| d.to_string()),
                    g.closed_by
                        .clone()
                        .unwrap_or_else(|| "nobody yet".to_owned()),
                ]
            })
            .collect(),
        numeric: Vec::new(),
        note: gaps
            .is_empty()
            .then(|| "Every required role has a holder on every day of the plan.".to_owned()),
    }
}

fn total_grid(
    title: &str,
    totals: &indexmap::IndexMap<String, Total>,
    apportioned: bool,
    cost: Option<&String>,
) -> Grid {
    let mut header = vec![
        title.trim_start_matches("By ").to_owned(),
        "FTE (average)".to_owned(),
    ];
    header.extend(cost.cloned());
    Grid {
        title: if apportioned {
            format!("{title} (apportioned)")
        } else {
            title.to_owned()
        },
        header,
        rows: totals
            .iter()
            .map(|(k, v)| {
                let mut row = vec![k.clone(), fte(v.fte)];
                if cost.is_some() {
                    row.push(money(v.cost));
                }
                row
            })
            .collect(),
        numeric: vec![1, 2],
        note: apportioned.then(|| {
            if title == "By area" {
                "A person's fte and cost are split evenly over their roles, and each role's share goes to its main area (where it is accountable or responsible for the most activities).".to_owned()
            } else {
                "A person's fte and cost are split evenly over their roles.".to_owned()
            }
        }),
    }
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    name: &'a str,
    at: String,
    from: String,
    to: String,
    by: &'a str,
    currency: Option<&'a str>,
    periods: Vec<PeriodJson<'a>>,
    /// The whole range as one period.
    total: PeriodJson<'a>,
    gaps: Vec<GapJson<'a>>,
    totals: TotalsJson,
    /// The totals whose figures are shares of people's, split over their roles.
    apportioned: [&'a str; 2],
    without_cost: usize,
    notes: &'a [String],
}

#[derive(Serialize)]
struct PeriodJson<'a> {
    period: &'a str,
    start: String,
    end: String,
    headcount: f64,
    fte: f64,
    cost: f64,
    open_positions: usize,
    uncovered: &'a [String],
}

#[derive(Serialize)]
struct GapJson<'a> {
    team: &'a str,
    role: &'a str,
    from: String,
    to: Option<String>,
    closed_by: Option<&'a str>,
}

#[derive(Serialize)]
struct TotalsJson {
    unit: Vec<TotalJson>,
    role: Vec<TotalJson>,
    area: Vec<TotalJson>,
    engagement: Vec<TotalJson>,
}

#[derive(Serialize)]
struct TotalJson {
    name: String,
    fte: f64,
    cost: f64,
}

fn totals(map: &indexmap::IndexMap<String, Total>) -> Vec<TotalJson> {
    map.iter()
        .map(|(k, v)| TotalJson {
            name: k.clone(),
            fte: round2(v.fte),
            cost: round2(v.cost),
        })
        .collect()
}

fn period_json(r: &crate::plan::Row) -> PeriodJson<'_> {
    PeriodJson {
        period: &r.period.label,
        start: r.period.start.to_string(),
        end: r.period.end.to_string(),
        headcount: round2(r.headcount),
        fte: round2(r.fte),
        cost: round2(r.cost),
        open_positions: r.open,
        uncovered: &r.uncovered,
    }
}

/// The timeline as JSON (`"version": 1`).
#[must_use]
pub fn json(t: &Timeline, h: Heading<'_>) -> String {
    let doc = Document {
        version: 1,
        name: h.name,
        at: h.at.to_string(),
        from: t.from.to_string(),
        to: t.to.to_string(),
        by: match h.by {
            By::Month => "month",
            By::Quarter => "quarter",
        },
        currency: h.currency,
        periods: t.rows.iter().map(period_json).collect(),
        total: period_json(&t.whole),
        gaps: t
            .gaps
            .iter()
            .map(|g| GapJson {
                team: &g.team,
                role: &g.role,
                from: g.from.to_string(),
                to: g.to.map(|d| d.to_string()),
                closed_by: g.closed_by.as_deref(),
            })
            .collect(),
        totals: TotalsJson {
            unit: totals(&t.by_unit),
            role: totals(&t.by_role),
            area: totals(&t.by_area),
            engagement: totals(&t.by_engagement),
        },
        apportioned: ["role", "area"],
        without_cost: t.without_cost,
        notes: h.notes,
    };
    super::numbers::to_json(&doc)
}

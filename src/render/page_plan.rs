//! The report page's Plan section, shown only when a team has a date, an open position or a
//! cost: headcount and cost by quarter as a chart and as a table, the open positions, and
//! when each gap closes.

use std::collections::HashMap;
use std::fmt::Write as _;

use jiff::civil::Date;

use super::escape::html as escape;
use super::page_people::{codes, day, has_plan};
use super::plan::numbers::{fte, heads, money};
use super::plan::positions::open_positions;
use super::plan::svg::{Chart, chart};
use crate::plan::{By, Gap, Plan, Timeline, default_range, timeline};
use crate::team::Team;

/// What the page's stylesheet gains with a Plan section (a page without one is unchanged).
pub const PLAN_STYLE: &str = r"
section.plan { margin: 2rem 0 3rem; }
svg.plan { display: block; max-width: 100%; height: auto; margin: .5rem 0 1rem; }
table.plain td.num, table.plain th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.plain .date { white-space: nowrap; }
table.figures tbody th { min-width: 0; white-space: nowrap; }
p.note { color: #475467; max-width: 60rem; }
@media print {
  svg.plan { width: auto; height: 8cm; }
  svg.plan, table.figures { break-inside: avoid; }
  section.plan h3, section.team h3 { break-after: avoid; }
}
";

/// The Plan section of the teams (loaded with their roster) over the four quarters from the
/// one `at` is in; None when no team has a planning field.
#[must_use]
pub fn section(teams: &[Team], at: Date) -> Option<String> {
    if !teams.iter().any(has_plan) {
        return None;
    }
    let mut out = String::from("<section class=\"plan\" id=\"plan\">\n<h2>Plan</h2>\n");
    let plan = match Plan::of(teams) {
        Ok(plan) => plan,
        Err(why) => {
            let _ = writeln!(
                out,
                "<p class=\"note\">No plan for these teams: {}.</p>\n</section>",
                escape(&why)
            );
            return Some(out);
        }
    };
    let (from, to) = default_range(at);
    let t = timeline(&plan, from, to, By::Quarter);
    let name = match plan.teams.as_slice() {
        [one] => one.name.clone(),
        several => format!("{} teams", several.len()),
    };
    let currency = plan.currency.as_deref();
    // As `teamplan plan` does: a cost column unless nobody in the plan has a cost.
    let costs = t.rows.iter().any(|r| r.cost > 0.0) || t.without_cost == 0;
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}, from {from} to {to}, by quarter. The sections below show each team as it stands on {at}.</p>\n<h3>{} per quarter</h3>",
        escape(&name),
        if costs {
            "Headcount and cost"
        } else {
            "Headcount"
        }
    );
    out.push_str(&chart(
        &t,
        Chart {
            name: &name,
            currency,
            costs,
            id: "plan-chart-title",
        },
    ));
    out.push_str(&figures(&t, costs, currency));
    let mut notes = vec![
        "Headcount and fte are those of an average day of the quarter; an open position counts from its start, as if filled that day.".to_owned(),
    ];
    if t.without_cost > 0 {
        notes.push(format!(
            "{} of the people and positions in the plan {} no <code>cost</code>: the costs leave {} out.",
            t.without_cost,
            if t.without_cost == 1 { "has" } else { "have" },
            if t.without_cost == 1 { "it" } else { "them" }
        ));
    }
    let _ = writeln!(out, "<p class=\"note\">{}</p>", notes.join(" "));
    let names: HashMap<&str, &str> = plan
        .entries
        .iter()
        .rev()
        .map(|e| (e.person.id.as_str(), e.person.name.as_str()))
        .collect();
    out.push_str(&positions(&plan, &names));
    out.push_str(&gaps(&plan, &t.gaps, &names));
    out.push_str("</section>\n");
    Some(out)
}

/// The chart's figures as a table, for reading, printing and screen readers.
fn figures(t: &Timeline, costs: bool, currency: Option<&str>) -> String {
    let mut out = String::from(
        "<table class=\"plain figures\" id=\"plan-figures\"><thead><tr><th scope=\"col\">quarter</th><th scope=\"col\">from</th><th scope=\"col\">to</th><th scope=\"col\" class=\"num\">headcount</th><th scope=\"col\" class=\"num\">fte</th>",
    );
    if costs {
        let _ = write!(
            out,
            "<th scope=\"col\" class=\"num\">cost{}</th>",
            currency.map_or_else(String::new, |c| format!(" ({})", escape(c)))
        );
    }
    out.push_str("<th scope=\"col\" class=\"num\">open positions</th><th scope=\"col\">uncovered required roles</th></tr></thead><tbody>\n");
    for r in &t.rows {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"date\">{}</td><td class=\"date\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
            escape(&r.period.label),
            r.period.start,
            r.period.end,
            heads(r.headcount),
            fte(r.fte)
        );
        if costs {
            let _ = write!(out, "<td class=\"num\">{}</td>", money(r.cost));
        }
        let uncovered = if r.uncovered.is_empty() {
            "none".to_owned()
        } else {
            codes(r.uncovered.iter().map(String::as_str))
        };
        let _ = writeln!(
            out,
            "<td class=\"num\">{}</td><td>{uncovered}</td></tr>",
            r.open
        );
    }
    out.push_str("</tbody></table>\n");
    out
}

/// The open positions: title, unit, roles, start, cost, who they backfill.
fn positions(plan: &Plan<'_>, names: &HashMap<&str, &str>) -> String {
    let open = open_positions(plan);
    let mut out = String::from("<h3>Open positions</h3>\n");
    if open.is_empty() {
        out.push_str("<p class=\"note\">No open positions.</p>\n");
        return out;
    }
    let costs = open.iter().any(|e| e.person.cost().is_some());
    let backfills = open.iter().any(|e| {
        e.person
            .plan
            .as_ref()
            .is_some_and(|p| p.backfills.is_some())
    });
    out.push_str("<table class=\"plain positions\"><thead><tr><th scope=\"col\">title</th><th scope=\"col\">unit</th><th scope=\"col\">roles</th><th scope=\"col\">start</th>");
    if costs {
        let _ = write!(
            out,
            "<th scope=\"col\" class=\"num\">cost per year{}</th>",
            plan.currency
                .as_deref()
                .map_or_else(String::new, |c| format!(" ({})", escape(c)))
        );
    }
    if backfills {
        out.push_str("<th scope=\"col\">backfills</th>");
    }
    out.push_str("</tr></thead><tbody>\n");
    for e in open {
        let catalog = &plan.teams[e.team].catalog;
        // By title; a name that is no role of the catalog as written.
        let roles: Vec<String> = e
            .person
            .roles
            .iter()
            .map(|r| match catalog.role(&r.name) {
                Some(i) => escape(&catalog.roles[i].title),
                None => format!("<code>{}</code>", escape(&r.name)),
            })
            .collect();
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"date\">{}</td>",
            escape(&e.person.name),
            escape(e.place(plan)),
            roles.join(", "),
            day(e.person.start())
        );
        if costs {
            let cost = e.person.cost().map(money).unwrap_or_default();
            let _ = write!(out, "<td class=\"num\">{cost}</td>");
        }
        if backfills {
            let leaver = e.person.plan.as_ref().and_then(|p| p.backfills.as_ref());
            let leaver = leaver.map_or_else(String::new, |b| who(&b.name, names));
            let _ = write!(out, "<td>{leaver}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
    out
}

/// When each required role's gap closes, and who closes it.
fn gaps(plan: &Plan<'_>, gaps: &[Gap], names: &HashMap<&str, &str>) -> String {
    let mut out = String::from("<h3>When each gap closes</h3>\n");
    if gaps.is_empty() {
        out.push_str(
            "<p class=\"note\">Every required role has a holder on every day of the plan.</p>\n",
        );
        return out;
    }
    let several = plan.teams.len() > 1;
    out.push_str("<table class=\"plain gaps\"><thead><tr>");
    if several {
        out.push_str("<th scope=\"col\">team</th>");
    }
    out.push_str("<th scope=\"col\">required role</th><th scope=\"col\">uncovered from</th><th scope=\"col\">until</th><th scope=\"col\">closed by</th></tr></thead><tbody>\n");
    for g in gaps {
        let title = plan
            .teams
            .iter()
            .find(|t| t.name == g.team)
            .and_then(|t| t.catalog.role(&g.role).map(|r| &t.catalog.roles[r].title));
        out.push_str("<tr>");
        if several {
            let _ = write!(out, "<td>{}</td>", escape(&g.team));
        }
        let _ = writeln!(
            out,
            "<td>{} <code>{}</code></td><td class=\"date\">{}</td><td class=\"date\">{}</td><td>{}</td></tr>",
            title.map(|t| escape(t)).unwrap_or_default(),
            escape(&g.role),
            g.from,
            g.to.map_or_else(|| "the end of the plan".to_owned(), |d| d.to_string()),
            g.closed_by
                .as_deref()
                .map_or_else(|| "nobody yet".to_owned(), |id| who(id, names))
        );
    }
    out.push_str("</tbody></table>\n");
    out
}

/// A person by name, with their id.
fn who(id: &str, names: &HashMap<&str, &str>) -> String {
    match names.get(id) {
        Some(name) => format!("{} (<code>{}</code>)", escape(name), escape(id)),
        None => format!("<code>{}</code>", escape(id)),
    }
}

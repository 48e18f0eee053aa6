//! `teamplan suggest`'s outputs: for a terminal, for a pull-request comment, and as JSON.

use std::fmt::Write as _;

use serde::Serialize;

use super::escape::{json_invisibles, markdown, markdown_message, terminal};
use crate::suggest::{Answer, Change, TeamAnswer};
use crate::team::Team;

/// "give `web-developer` to Maya Chen (`maya`)".
#[must_use]
pub fn said(team: &Team, change: &Change) -> String {
    let role = |r: usize| team.catalog.roles[r].id.as_str();
    let who = |id: &str| match team.people.iter().find(|p| *p.id == *id) {
        Some(p) if p.name != p.id => format!("{} (`{id}`)", p.name),
        _ => format!("`{id}`"),
    };
    match change {
        Change::AddRole { person, role: r } => format!("give `{}` to {}", role(*r), who(person)),
        Change::Lead { person, role: r } => {
            format!("make {} the lead of `{}`", who(person), role(*r))
        }
        Change::MoveRole { from, to, role: r } => {
            format!("hand `{}` from {} to {}", role(*r), who(from), who(to))
        }
    }
}

fn position_said(team: &Team, roles: &[usize]) -> String {
    let ids: Vec<String> = roles
        .iter()
        .map(|&r| format!("`{}`", team.catalog.roles[r].id))
        .collect();
    format!("open a position holding {}", ids.join(", "))
}

fn search_said(exact: bool) -> &'static str {
    if exact {
        "the fewest that cover the required roles nobody on the team can take (exact search)"
    } else {
        "few positions that cover the required roles nobody on the team can take (greedy: too many roles for an exact search, so there may be fewer)"
    }
}

/// For a terminal.
#[must_use]
pub fn human(answers: &[TeamAnswer<'_>], at: jiff::civil::Date) -> String {
    let mut out = String::new();
    for a in answers {
        let _ = writeln!(
            out,
            "{}: {} (checked on {at})\n",
            terminal(&a.team.name),
            match a.outcomes.len() {
                0 => "no gap to fill".to_owned(),
                1 => "1 gap".to_owned(),
                n => format!("{n} gaps"),
            }
        );
        for o in &a.outcomes {
            let id = o
                .chosen
                .as_ref()
                .map_or_else(|| "–".to_owned(), |c| a.id_of(&c.change));
            let _ = writeln!(
                out,
                "{id}  gap[{}] {}",
                o.gap.kind.rule().name(),
                terminal(&o.gap.message)
            );
            match &o.chosen {
                Some(c) => {
                    let _ = writeln!(out, "    → {}", terminal(&said(a.team, &c.change)));
                    write_details(&mut out, a.team, c, &o.others);
                }
                None => match &o.instead {
                    Some(instead) => {
                        let _ = writeln!(out, "    → {}", terminal(instead));
                    }
                    None => {
                        let _ = writeln!(
                            out,
                            "    nobody on the team can take it and leave fewer findings, without an error, a conflict or going past the limits"
                        );
                    }
                },
            }
            out.push('\n');
        }
        if a.more_gaps > 0 {
            let _ = writeln!(
                out,
                "{} more gaps not answered in this run: apply these first, then run `teamplan suggest` again\n",
                a.more_gaps
            );
        }
        if !a.positions.is_empty() {
            let _ = writeln!(out, "New positions: {}", search_said(a.exact));
            for p in &a.positions {
                let _ = writeln!(
                    out,
                    "{}  {}",
                    p.id,
                    terminal(&position_said(a.team, &p.roles))
                );
            }
            out.push('\n');
        }
    }
    out
}

fn write_details(out: &mut String, team: &Team, chosen: &Answer, others: &[Answer]) {
    let _ = writeln!(out, "      why: {}", terminal(&chosen.reason));
    for also in &chosen.also {
        let _ = writeln!(out, "      also: {}", terminal(also));
    }
    for other in others {
        let _ = writeln!(
            out,
            "      or: {} ({})",
            terminal(&said(team, &other.change)),
            terminal(&other.reason)
        );
        for also in &other.also {
            let _ = writeln!(out, "          also: {}", terminal(also));
        }
    }
}

/// For a pull-request comment: one table per team.
#[must_use]
pub fn markdown_report(answers: &[TeamAnswer<'_>], at: jiff::civil::Date) -> String {
    let mut out = String::new();
    for a in answers {
        let _ = writeln!(
            out,
            "### {}: who could take each gap (checked on {at})\n",
            markdown(&a.team.name)
        );
        if a.outcomes.is_empty() {
            out.push_str("No gap to fill.\n\n");
        } else {
            out.push_str("| id | gap | suggestion | why |\n|---|---|---|---|\n");
            for o in &a.outcomes {
                let (id, what, why) = match &o.chosen {
                    Some(c) => {
                        let mut why = c.reason.clone();
                        for also in &c.also {
                            why = format!("{why}; also {also}");
                        }
                        (a.id_of(&c.change), said(a.team, &c.change), why)
                    }
                    None => (
                        "–".to_owned(),
                        o.instead
                            .clone()
                            .unwrap_or_else(|| "nobody on the team can take it".to_owned()),
                        String::new(),
                    ),
                };
                let _ = writeln!(
                    out,
                    "| {id} | {} | {} | {} |",
                    markdown_message(&o.gap.message),
                    markdown_message(&what),
                    markdown_message(&why)
                );
            }
            out.push('\n');
        }
        if !a.positions.is_empty() {
            let _ = writeln!(out, "New positions, {}:\n", markdown(search_said(a.exact)));
            for p in &a.positions {
                let _ = writeln!(
                    out,
                    "- {}: {}",
                    p.id,
                    markdown_message(&position_said(a.team, &p.roles))
                );
            }
            out.push('\n');
        }
    }
    out
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    id: String,
    change: &'a str,
    person: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<&'a str>,
    role: &'a str,
    reason: &'a str,
    also: &'a [String],
}

fn change_json<'a>(a: &'a TeamAnswer<'_>, answer: &'a Answer) -> ChangeJson<'a> {
    let (change, from) = match &answer.change {
        Change::AddRole { .. } => ("add-role", None),
        Change::Lead { .. } => ("lead", None),
        Change::MoveRole { from, .. } => ("move-role", Some(from.as_str())),
    };
    ChangeJson {
        id: a.id_of(&answer.change),
        change,
        person: answer.change.taker(),
        from,
        role: &a.team.catalog.roles[answer.change.role()].id,
        reason: &answer.reason,
        also: &answer.also,
    }
}

/// As JSON (`"version": 1`).
#[must_use]
pub fn json(answers: &[TeamAnswer<'_>], at: jiff::civil::Date) -> String {
    let teams: Vec<serde_json::Value> = answers
        .iter()
        .map(|a| {
            let gaps: Vec<serde_json::Value> = a
                .outcomes
                .iter()
                .map(|o| {
                    serde_json::json!({
                        "rule": o.gap.kind.rule().name(),
                        "role": o.gap.role.map(|r| a.team.catalog.roles[r].id.clone()),
                        "person": o.gap.person,
                        "message": o.gap.message,
                        "suggestion": o.chosen.as_ref().map(|c| change_json(a, c)),
                        "others": o.others.iter().map(|c| change_json(a, c)).collect::<Vec<_>>(),
                        "instead": o.instead,
                    })
                })
                .collect();
            let positions: Vec<serde_json::Value> = a
                .positions
                .iter()
                .map(|p| {
                    serde_json::json!({
                        "id": p.id,
                        "roles": p.roles.iter().map(|&r| a.team.catalog.roles[r].id.clone()).collect::<Vec<_>>(),
                    })
                })
                .collect();
            serde_json::json!({
                "team": a.team.name,
                "gaps": gaps,
                "positions": positions,
                "positions_search": if a.exact { "exact" } else { "greedy" },
                "more_gaps": a.more_gaps,
            })
        })
        .collect();
    let doc = serde_json::json!({ "version": 1, "at": at.to_string(), "teams": teams });
    let mut text = json_invisibles(serde_json::to_string_pretty(&doc).unwrap_or_default());
    text.push('\n');
    text
}

//! Rendering a [`Diff`]: for a terminal, for a pull-request comment, and as JSON.

use std::fmt::Write as _;

use anstyle::Style;

use super::escape::{json_invisibles, markdown as escape, markdown_message, terminal as safe};
use super::style;
use crate::diag::rule::Severity;
use crate::diag::words::count;
use crate::diff::{CellChange, Diff, Status, TeamDiff};
use crate::resolve::Letters;

/// `A/R`, or a dash for no letters.
fn letters(l: Letters) -> String {
    if l.is_empty() {
        "–".to_owned()
    } else {
        l.to_string()
    }
}

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Added => "added",
        Status::Removed => "removed",
        Status::Changed => "changed",
    }
}

/// One line summing the change up.
#[must_use]
pub fn summary(d: &Diff) -> String {
    if d.is_empty() {
        return "no changes to teams, responsibilities or findings".to_owned();
    }
    let cells: usize = d.teams.iter().map(|t| t.raci.len()).sum();
    let new_errors = d
        .findings_added
        .iter()
        .filter(|f| f.level == Severity::Error)
        .count();
    format!(
        "{} changed, {} changed, {} ({}), {} fixed",
        count(d.teams.len(), "team"),
        count(cells, "RACI cell"),
        count(d.findings_added.len(), "new finding"),
        count(new_errors, "error"),
        d.findings_fixed.len()
    )
}

/// A person's roles for a line of the diff: "no roles" rather than nothing.
fn role_list(roles: &[String]) -> String {
    if roles.is_empty() {
        "no roles".to_owned()
    } else {
        roles.join(", ")
    }
}

/// The lines about people, as plain text (each format escapes a whole line), with the
/// terminal style of each: added people green, removed red.
fn person_lines(t: &TeamDiff) -> Vec<(Style, String)> {
    let mut lines = Vec::new();
    if let Some(c) = &t.catalog {
        lines.push((Style::new(), format!("catalog {} → {}", c.old, c.new)));
    }
    for p in &t.people_added {
        lines.push((
            style::ADDED,
            format!(
                "+ {} ({}): {}, {} fte",
                p.name,
                p.id,
                role_list(&p.roles),
                p.fte
            ),
        ));
    }
    for p in &t.people_removed {
        lines.push((
            style::REMOVED,
            format!("- {} ({}): {}", p.name, p.id, role_list(&p.roles)),
        ));
    }
    for (what, changes) in [("roles", &t.roles), ("leads", &t.leads)] {
        for r in changes {
            let mut parts: Vec<String> = r.gained.iter().map(|g| format!("+{g}")).collect();
            parts.extend(r.lost.iter().map(|l| format!("-{l}")));
            lines.push((
                Style::new(),
                format!("{}: {what} {}", r.person, parts.join(" ")),
            ));
        }
    }
    for f in &t.fte {
        lines.push((
            Style::new(),
            format!("{}: fte {} → {}", f.person, f.old, f.new),
        ));
    }
    for e in &t.engagement {
        lines.push((
            Style::new(),
            format!("{}: {} → {}", e.person, e.old.as_str(), e.new.as_str()),
        ));
    }
    for c in &t.plan {
        lines.push((
            Style::new(),
            format!("{}: plan {} → {}", c.person, c.old, c.new),
        ));
    }
    for u in &t.units {
        lines.push((
            Style::new(),
            format!(
                "{}: unit {} → {}",
                u.person,
                u.old.join(", "),
                u.new.join(", ")
            ),
        ));
    }
    lines
}

fn group_cells(cells: &[CellChange]) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for c in cells {
        let change = format!("{} {} → {}", c.person, letters(c.old), letters(c.new));
        match out.last_mut() {
            Some((a, v)) if *a == c.activity => v.push(change),
            _ => out.push((c.activity.clone(), vec![change])),
        }
    }
    out
}

/// For a terminal.
#[must_use]
pub fn human(d: &Diff) -> String {
    let mut out = String::new();
    for t in &d.teams {
        let _ = writeln!(
            out,
            "{} ({}, {})",
            style::paint(style::HEADING, &safe(&t.team)),
            status_word(t.status),
            safe(&t.file)
        );
        for (line_style, line) in person_lines(t) {
            let _ = writeln!(out, "  {}", style::paint(line_style, &safe(&line)));
        }
        let groups = group_cells(&t.raci);
        if !groups.is_empty() {
            let _ = writeln!(out, "  {}", style::paint(style::HEADING, "RACI:"));
            for (activity, changes) in groups {
                let _ = writeln!(
                    out,
                    "    {}: {}",
                    safe(&activity),
                    safe(&changes.join(", "))
                );
            }
        }
        out.push('\n');
    }
    for (sign, sign_style, title, list) in [
        ("+", style::REMOVED, "new findings", &d.findings_added),
        ("-", style::ADDED, "fixed findings", &d.findings_fixed),
    ] {
        if !list.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                style::paint(style::HEADING, &format!("{title}:"))
            );
            for f in list {
                let _ = writeln!(
                    out,
                    "  {} {}[{}] {}: {}",
                    style::paint(sign_style, sign),
                    f.level.as_str(),
                    f.rule,
                    safe(&f.team),
                    safe(&f.message)
                );
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "{}", summary(d));
    out
}

/// A pull-request comment.
#[must_use]
pub fn markdown(d: &Diff) -> String {
    let mut out = format!("### teamplan diff: {}\n", summary(d));
    for t in &d.teams {
        let _ = write!(
            out,
            "\n#### {} ({})\n\n",
            escape(&t.team),
            status_word(t.status)
        );
        for (_, line) in person_lines(t) {
            // A leading "- " would nest a list in markdown; say it in words.
            let line = match (line.strip_prefix("+ "), line.strip_prefix("- ")) {
                (Some(rest), _) => format!("joined: {rest}"),
                (_, Some(rest)) => format!("left: {rest}"),
                _ => line,
            };
            let _ = writeln!(out, "- {}", escape(&line));
        }
        if !t.raci.is_empty() {
            out.push_str("\n| activity | person | before | after |\n|---|---|:-:|:-:|\n");
            for c in &t.raci {
                let _ = writeln!(
                    out,
                    "| `{}` | `{}` | {} | {} |",
                    c.activity,
                    escape(&c.person),
                    letters(c.old),
                    letters(c.new)
                );
            }
        }
    }
    for (icon, title, list) in [
        ("🆕", "New findings", &d.findings_added),
        ("✅", "Fixed findings", &d.findings_fixed),
    ] {
        if !list.is_empty() {
            let _ = write!(
                out,
                "\n#### {icon} {title}\n\n| level | rule | team | finding |\n|---|---|---|---|\n"
            );
            for f in list {
                let _ = writeln!(
                    out,
                    "| {} | `{}` | {} | {} |",
                    f.level.as_str(),
                    f.rule,
                    escape(&f.team),
                    markdown_message(&f.message)
                );
            }
        }
    }
    out
}

/// The stable JSON shape.
#[must_use]
pub fn json(d: &Diff) -> String {
    let mut s = json_invisibles(serde_json::to_string_pretty(d).unwrap_or_default());
    s.push('\n');
    s
}

//! `catalog list` and `catalog show` as a terminal table, markdown and JSON list; the
//! JSON and TOML shapes of one catalog are [`crate::catalog::export`].

use std::fmt::Write as _;
use std::sync::Arc;

use comfy_table::{ContentArrangement, Table, presets};

use super::escape::{
    is_inert, json_invisibles, markdown as escape, no_line_a_ci_command, terminal,
};
use super::style;
use super::width::prose_width;
use crate::catalog::{Catalog, Requirement, export};

pub fn count(c: &Catalog, r: Requirement) -> usize {
    c.roles.iter().filter(|role| role.requirement == r).count()
}

pub fn list_table(catalogs: &[Arc<Catalog>]) -> String {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(vec!["id", "title", "roles", "activities", "description"]);
    fit(&mut table);
    for c in catalogs {
        table.add_row(vec![
            t(&c.id),
            t(&c.title),
            format!(
                "{} ({} required, {} recommended)",
                c.roles.len(),
                count(c, Requirement::Required),
                count(c, Requirement::Recommended)
            ),
            c.activities.len().to_string(),
            t(&c.description),
        ]);
    }
    format!("{table}\nShow one with `teamplan catalog show ID`.\n")
}

pub fn list_json(catalogs: &[Arc<Catalog>]) -> String {
    let items: Vec<serde_json::Value> = catalogs
        .iter()
        .map(|c| {
            serde_json::json!({
                "id": c.id, "title": c.title, "description": c.description,
                "roles": c.roles.len(), "activities": c.activities.len(),
            })
        })
        .collect();
    let mut s = json_invisibles(
        serde_json::to_string_pretty(&serde_json::json!({ "version": 1, "catalogs": items }))
            .unwrap_or_default(),
    );
    s.push('\n');
    s
}

fn fit(table: &mut Table) {
    if let Some(w) = prose_width() {
        table.set_width(w);
    }
}

/// Text from a catalog file, for a terminal.
fn t(text: &str) -> String {
    terminal(text).into_owned()
}

/// `catalog show --format json`, with invisible characters escaped.
#[must_use]
pub fn json(c: &Catalog) -> String {
    json_invisibles(export::to_json(c))
}

/// `catalog show --format toml`: a complete catalog file. A TOML string cannot escape
/// everything in every form it takes, so a catalog whose text holds terminal controls,
/// bidi overrides or what a CI log reads as a command is refused here (JSON shows it).
///
/// # Errors
/// Such text, or the catalog failing to serialize.
pub fn toml(c: &Catalog) -> anyhow::Result<String> {
    let text = export::to_toml(c)?;
    if !is_inert(&text) {
        anyhow::bail!(
            "catalog `{}` has text with control or bidi characters, or a line a CI log would run as a command; it cannot be shown safely as TOML (use --format json)",
            t(&c.id)
        );
    }
    Ok(text)
}

fn ids(c: &Catalog, roles: &[usize]) -> String {
    roles
        .iter()
        .map(|&r| c.roles[r].id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn show_table(c: &Catalog) -> String {
    let width = usize::from(prose_width().unwrap_or(100)).max(40);
    // Words (ids above all) are never split: a line breaks between them.
    let wrap = |text: &str, indent: &'static str| {
        no_line_a_ci_command(textwrap::fill(
            text,
            textwrap::Options::new(width)
                .initial_indent(indent)
                .subsequent_indent(if indent.is_empty() { "" } else { "      " })
                .break_words(false)
                .word_splitter(textwrap::WordSplitter::NoHyphenation),
        ))
    };
    let heading = format!("{} ({}): {}", t(&c.title), t(&c.id), t(&c.description));
    let limits = format!(
        "limits: {} activities as A or R per fte, {} roles per person",
        c.limits.ra_per_fte, c.limits.roles_per_person
    );
    let mut out = format!("{}\n{}\n\n", wrap(&heading, ""), wrap(&limits, ""));
    if width < TABLE_WIDTH {
        roles_list(&mut out, c, &wrap);
    } else {
        roles_table(&mut out, c);
    }
    if !c.teams.is_empty() {
        let head = "Team names (not roles: a person lists the roles they hold)";
        let _ = writeln!(out, "\n{}", wrap(head, ""));
        for team in &c.teams {
            let line = format!("{}: {}", team.id, ids(c, &team.roles));
            let _ = writeln!(out, "{}", wrap(&t(&line), "  "));
        }
    }
    let _ = writeln!(out, "\nActivities, by area, with their default RACI");
    let mut area = None;
    for a in &c.activities {
        if area != Some(a.area) {
            area = Some(a.area);
            let _ = write!(out, "\n{}\n", a.area.as_str().to_uppercase());
        }
        let mut letters = vec![format!("A {}", c.roles[a.raci.accountable].id)];
        for (letter, roles) in [
            ("R", &a.raci.responsible),
            ("C", &a.raci.consulted),
            ("I", &a.raci.informed),
        ] {
            if !roles.is_empty() {
                letters.push(format!("{letter} {}", ids(c, roles)));
            }
        }
        let _ = writeln!(out, "{}", wrap(&t(&format!("{}: {}", a.id, a.title)), "  "));
        let _ = writeln!(out, "{}", wrap(&t(&letters.join(" · ")), "      "));
    }
    let _ = write!(out, "\n{}\n", wrap(&sources_hint(c), ""));
    out
}

/// Where to read the basis of every choice.
fn sources_hint(c: &Catalog) -> String {
    format!(
        "Each role, activity and choice quotes its source or gives an editorial reason: `teamplan catalog show {} --sources`.",
        t(&c.id)
    )
}

/// Below this width the roles are a list: four columns would split ids mid-word.
const TABLE_WIDTH: usize = 100;

/// The roles, one paragraph each, for a narrow terminal.
fn roles_list(out: &mut String, c: &Catalog, wrap: &dyn Fn(&str, &'static str) -> String) {
    let _ = writeln!(out, "Roles");
    for r in &c.roles {
        let head = format!(
            "{} · {} · {}",
            t(&r.id),
            t(&r.title),
            r.requirement.as_str()
        );
        let _ = writeln!(out, "{}", wrap(&head, "  "));
        if !r.aliases.is_empty() {
            let aliases = format!("also {}", t(&r.aliases.join(", ")));
            let _ = writeln!(out, "{}", wrap(&aliases, "      "));
        }
        if let Some(to) = r.reports_to {
            let falls = format!("unheld, its work falls to {}", t(&c.roles[to].id));
            let _ = writeln!(out, "{}", wrap(&falls, "      "));
        }
        let _ = writeln!(out, "{}", wrap(&t(&r.summary), "      "));
    }
}

/// The roles as a table, for a wide terminal or a file.
fn roles_table(out: &mut String, c: &Catalog) {
    let mut roles = Table::new();
    roles
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(vec!["role", "title", "requirement", "summary"]);
    fit(&mut roles);
    for r in &c.roles {
        let mut id = t(&r.id);
        if !r.aliases.is_empty() {
            let _ = write!(id, "\n(also {})", t(&r.aliases.join(", ")));
        }
        if let Some(to) = r.reports_to {
            let _ = write!(id, "\n(unheld: falls to {})", t(&c.roles[to].id));
        }
        roles.add_row(vec![
            id,
            t(&r.title),
            r.requirement.as_str().to_owned(),
            t(&r.summary),
        ]);
    }
    let levels = |cell: &str| match cell {
        "required" => Some(style::HEADING),
        "recommended" => Some(style::WARNING),
        "optional" => Some(anstyle::Style::new().dimmed()),
        _ => None,
    };
    let _ = writeln!(
        out,
        "Roles\n{}",
        style::paint_cells(&roles.to_string(), levels)
    );
}

pub fn show_markdown(c: &Catalog) -> String {
    let mut out = format!(
        "# {} (`{}`)\n\n{}\n\n## Roles\n\n| role | title | requirement | unheld, its work falls to | summary |\n|---|---|---|---|---|\n",
        escape(&c.title),
        c.id,
        escape(&c.description)
    );
    for r in &c.roles {
        let falls = r
            .reports_to
            .map_or_else(String::new, |to| format!("`{}`", c.roles[to].id));
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {falls} | {} |",
            r.id,
            escape(&r.title),
            r.requirement.as_str(),
            escape(&r.summary)
        );
    }
    out.push_str(
        "\n## Activities\n\n| area | activity | A | R | C | I |\n|---|---|---|---|---|---|\n",
    );
    for a in &c.activities {
        let _ = writeln!(
            out,
            "| {} | {} (`{}`) | {} | {} | {} | {} |",
            a.area.as_str(),
            escape(&a.title),
            a.id,
            c.roles[a.raci.accountable].id,
            ids(c, &a.raci.responsible),
            ids(c, &a.raci.consulted),
            ids(c, &a.raci.informed)
        );
    }
    let _ = write!(out, "\n{}\n", escape(&sources_hint(c)));
    out
}

//! `teamplan report`: one self-contained, printable HTML page per team file or folder —
//! summary, catalog coverage, workload per person as an inline SVG bar chart, findings, and
//! the RACI matrix; with dates, open positions or costs, a Plan section too
//! ([`super::page_plan`]).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::escape::{html as escape, html_message};
use super::matrix::html::{STYLE, table};
use super::matrix::view::{By, Filter, Matrix};
use super::{page_people, page_plan};
use crate::analysis::outcome::distinct_people;
use crate::catalog::Requirement;
use crate::diag::finding::Finding;
use crate::diag::rule::Severity;
use crate::diag::words::count;
use crate::resolve::Resolved;
use crate::team::Team;

const PAGE_STYLE: &str = r"
section.team { margin: 2rem 0 3rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #101828; padding-bottom: .25rem; }
h3 { font-size: 1rem; margin: 1.5rem 0 .5rem; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; margin: 0; }
dl.facts dt { color: #475467; } dl.facts dd { margin: 0; font-weight: 600; }
table.plain { border-collapse: collapse; }
table.plain th, table.plain td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; position: static; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: .25rem; font-size: .8rem; font-weight: 700; }
.badge.error, .badge.missing { background: #fee4e2; color: #912018; }
.badge.warning { background: #fef0c7; color: #93370d; }
.badge.ok { background: #d1fadf; color: #05603a; }
svg.workload text { font: 12px system-ui, sans-serif; }
ul.findings { padding-left: 1.2rem; } ul.findings li { margin: .3rem 0; }
.help { color: #475467; }
code { background: #f2f4f7; padding: 0 .2rem; border-radius: .2rem; }
@media print { section.team { break-before: page; } section.team:first-of-type { break-before: auto; } }
";

/// The whole page for the teams checked together (on the day `at`), with every finding,
/// written to `out` one team at a time (a page for 100k teams is never held whole in
/// memory).
///
/// # Errors
/// Writing to `out` failed.
pub fn render(
    out: &mut dyn std::io::Write,
    teams: &[Team],
    findings: &[Finding],
    title: &str,
    at: jiff::civil::Date,
) -> std::io::Result<()> {
    let plan = page_plan::section(teams, at);
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}{PAGE_STYLE}{}</style>\n</head>\n<body>\n",
        escape(title),
        if plan.is_some() {
            page_plan::PLAN_STYLE
        } else {
            ""
        }
    )?;
    let errors = findings
        .iter()
        .filter(|f| f.level == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    let people = distinct_people(teams);
    write!(
        out,
        "<h1>{}</h1>\n<p class=\"meta\">{}, {} · <span class=\"badge error\">{}</span> <span class=\"badge warning\">{}</span></p>\n",
        escape(title),
        count(teams.len(), "team"),
        if people == 1 {
            "1 person".to_owned()
        } else {
            format!("{people} people")
        },
        count(errors, "error"),
        count(warnings, "warning")
    )?;
    // Findings by file: a finding belongs to the team of its file (two files may declare
    // teams of the same name).
    let mut by_file: HashMap<&str, Vec<&Finding>> = HashMap::new();
    for f in findings {
        by_file.entry(f.file.as_str()).or_default().push(f);
    }
    // A team's files: its own, and of an org, its units'.
    let files: Vec<Vec<String>> = teams
        .iter()
        .map(|t| {
            std::iter::once(t.source.path())
                .chain(
                    t.org
                        .iter()
                        .flat_map(|o| o.units.iter().map(|u| u.source.path())),
                )
                .map(|p| p.display().to_string())
                .collect()
        })
        .collect();
    let of = |files: &[String]| -> Vec<&Finding> {
        files
            .iter()
            .flat_map(|file| by_file.get(file.as_str()).map_or(&[][..], Vec::as_slice))
            .copied()
            .collect()
    };
    if teams.len() > 1 {
        out.write_all(b"<table class=\"plain\"><thead><tr><th>team</th><th>catalog</th><th>people</th><th>errors</th><th>warnings</th></tr></thead><tbody>\n")?;
        for (t, files) in teams.iter().zip(&files) {
            let (e, w) = counts(&of(files));
            writeln!(
                out,
                "<tr><td><a href=\"#{}\">{}</a></td><td><code>{}</code></td><td>{}</td><td>{e}</td><td>{w}</td></tr>",
                anchor(&t.name),
                escape(&t.name),
                escape(&t.catalog.id),
                t.people.len()
            )?;
        }
        out.write_all(b"</tbody></table>\n")?;
    }
    if let Some(plan) = plan {
        out.write_all(plan.as_bytes())?;
    }
    for (team, files) in teams.iter().zip(&files) {
        out.write_all(team_section(team, &of(files)).as_bytes())?;
    }
    let placed: HashSet<&str> = files.iter().flatten().map(String::as_str).collect();
    let unplaced: Vec<&Finding> = findings
        .iter()
        .filter(|f| !placed.contains(f.file.as_str()))
        .collect();
    if !unplaced.is_empty() {
        out.write_all(b"<h2>Files that could not be checked</h2>\n")?;
        out.write_all(finding_list(&unplaced).as_bytes())?;
    }
    out.write_all(b"</body>\n</html>\n")
}

fn counts(mine: &[&Finding]) -> (usize, usize) {
    let e = mine.iter().filter(|f| f.level == Severity::Error).count();
    (e, mine.len() - e)
}

fn anchor(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("team-{slug}")
}

fn team_section(team: &Team, mine: &[&Finding]) -> String {
    let resolved = Resolved::new(team);
    let catalog = &team.catalog;
    let mut out = format!(
        "<section class=\"team\" id=\"{}\">\n<h2>{}</h2>\n",
        anchor(&team.name),
        escape(&team.name)
    );
    let fte: f64 = team.people.iter().map(|p| p.fte).sum();
    let (errors, warnings) = counts(mine);
    let _ = writeln!(
        out,
        "<dl class=\"facts\"><dt>catalog</dt><dd>{} (<code>{}</code>)</dd><dt>file</dt><dd><code>{}</code></dd><dt>people</dt><dd>{} ({fte:.1} fte)</dd><dt>findings</dt><dd>{}, {}</dd>{}{}</dl>",
        escape(&catalog.title),
        escape(&catalog.id),
        escape(&team.source.path().display().to_string()),
        team.people.len(),
        count(errors, "error"),
        count(warnings, "warning"),
        team.description
            .as_deref()
            .map_or_else(String::new, |d| format!(
                "<dt>about</dt><dd>{}</dd>",
                escape(d)
            )),
        page_people::facts(team)
    );
    if let Some(org) = team.org.as_ref().filter(|o| !o.units.is_empty()) {
        let units: Vec<String> = org
            .units
            .iter()
            .map(|u| {
                format!(
                    "<li>{} <code>{}</code>: {}</li>",
                    escape(&u.name),
                    escape(&u.source.path().display().to_string()),
                    count(u.people.len(), "person").replace("persons", "people")
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "<h3>Units</h3>\n<ul class=\"units\">{}</ul>",
            units.concat()
        );
    }

    out.push_str("<h3>Coverage of the catalog</h3>\n<table class=\"plain coverage\"><thead><tr><th>role</th><th>requirement</th><th>held by</th></tr></thead><tbody>\n");
    for (r, role) in catalog.roles.iter().enumerate() {
        let holders = &resolved.holders[r];
        if role.requirement == Requirement::Optional && holders.is_empty() {
            continue;
        }
        let held = if holders.is_empty() {
            "<span class=\"badge missing\">missing</span>".to_owned()
        } else {
            holders
                .iter()
                .map(|&p| escape(&team.people[p].name))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{held}</td></tr>",
            escape(&role.title),
            role.requirement.as_str()
        );
    }
    out.push_str("</tbody></table>\n");

    out.push_str("<h3>Workload: activities accountable or responsible for, against what their fte allows</h3>\n");
    out.push_str(&workload_chart(team, &resolved));
    out.push_str(&page_people::people(team));

    out.push_str("<h3>Findings</h3>\n");
    if mine.is_empty() {
        out.push_str("<p><span class=\"badge ok\">no findings</span></p>\n");
    } else {
        out.push_str(&finding_list(mine));
    }

    out.push_str("<h3>RACI matrix</h3>\n");
    if let Ok(matrix) = Matrix::new(&resolved, By::Person, &Filter::default()) {
        out.push_str(&table(&matrix));
    }
    out.push_str("</section>\n");
    out
}

fn finding_list(findings: &[&Finding]) -> String {
    let mut out = String::from("<ul class=\"findings\">\n");
    for f in findings {
        let _ = writeln!(
            out,
            "<li><span class=\"badge {}\">{}</span> <code>{}</code> {}<br><span class=\"help\">{} — <code>{}:{}:{}</code></span></li>",
            f.level.as_str(),
            f.level.as_str(),
            f.rule.name(),
            html_message(&f.message),
            html_message(&f.help),
            escape(&f.file),
            f.line,
            f.column
        );
    }
    out.push_str("</ul>\n");
    out
}

/// A horizontal bar per person: the bar is their A/R count, the tick what their fte allows.
fn workload_chart(team: &Team, resolved: &Resolved<'_>) -> String {
    const ROW: usize = 26;
    const LABEL: usize = 200;
    const BAR: f64 = 420.0;
    let loads = resolved.loads();
    #[allow(clippy::cast_precision_loss)]
    let max = loads
        .iter()
        .map(|l| (l.ra as f64).max(l.allowed))
        .fold(1.0_f64, f64::max);
    let height = ROW * team.people.len() + 10;
    let width = LABEL + 420 + 120;
    let mut out = format!(
        "<svg class=\"workload\" role=\"img\" aria-label=\"Workload per person\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">\n"
    );
    for (i, (person, &load)) in team.people.iter().zip(&loads).enumerate() {
        let (count, allowed) = (load.ra, load.allowed);
        let y = i * ROW + 5;
        #[allow(clippy::cast_precision_loss)]
        let w = BAR * count as f64 / max;
        let tick = BAR * allowed / max;
        let over = load.is_over();
        let colour = if over { "#b42318" } else { "#175cd3" };
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{LABEL}\" y=\"{y}\" width=\"{w:.1}\" height=\"18\" fill=\"{colour}\"><title>{} : {count} of {:.0} allowed</title></rect><line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{}\" y2=\"{}\" stroke=\"#101828\" stroke-width=\"2\"/><text x=\"{}\" y=\"{}\">{count} / {:.0}{}</text>",
            LABEL - 8,
            y + 14,
            escape(&person.name),
            escape(&person.name),
            allowed,
            f64::from(u32::try_from(LABEL).unwrap_or(0)) + tick,
            f64::from(u32::try_from(LABEL).unwrap_or(0)) + tick,
            y - 2,
            y + 20,
            LABEL + 430,
            y + 14,
            allowed,
            if over { " over" } else { "" }
        );
    }
    out.push_str("</svg>\n");
    out
}

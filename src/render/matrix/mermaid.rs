//! `raci --format mermaid`: people → roles → areas as a Mermaid flowchart, which GitHub
//! renders inside a fenced `mermaid` code block.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::view::area_heading;
use crate::catalog::Area;
use crate::render::escape::{mermaid_label as label, mermaid_node as node, terminal};
use crate::resolve::Resolved;

/// Render the team as a flowchart: each person to the roles they hold, each role to the areas
/// where it is accountable or responsible for something.
/// With `fenced`, the chart is wrapped in a fenced `mermaid` code block for markdown files.
#[must_use]
pub fn render(resolved: &Resolved<'_>, fenced: bool) -> String {
    let team = resolved.team;
    let catalog = &team.catalog;
    let mut out = String::new();
    if fenced {
        out.push_str("```mermaid\n");
    }
    out.push_str("flowchart LR\n");
    // Mermaid reads `%%{...}%%` anywhere in the text as a directive (theme, CSS): a comment
    // keeps none of `%`, `{`, `}`.
    let comment = terminal(&team.name).replace(['\n', '\r', '%', '{', '}'], " ");
    let _ = writeln!(
        out,
        "  %% {comment}: people → roles → areas where the role is A or R"
    );
    for (p, person) in team.people.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {}[\"{}\"]",
            node("p", &person.id),
            label(&person.name)
        );
        for &r in &resolved.person_roles[p] {
            let _ = writeln!(
                out,
                "  {} --> {}",
                node("p", &person.id),
                node("r", &catalog.roles[r].id)
            );
        }
    }
    let held: BTreeSet<usize> = resolved.person_roles.iter().flatten().copied().collect();
    let mut areas: BTreeSet<Area> = BTreeSet::new();
    for &r in &held {
        let _ = writeln!(
            out,
            "  {}([\"{}\"])",
            node("r", &catalog.roles[r].id),
            label(&catalog.roles[r].title)
        );
        let role_areas: BTreeSet<Area> = resolved
            .rows
            .iter()
            .filter(|row| row.by_role.get(r).is_ra())
            .map(|row| catalog.activities[row.activity].area)
            .collect();
        for area in role_areas {
            let _ = writeln!(
                out,
                "  {} --> {}",
                node("r", &catalog.roles[r].id),
                node("a", area.as_str())
            );
            areas.insert(area);
        }
    }
    for area in areas {
        let _ = writeln!(
            out,
            "  {}{{{{\"{}\"}}}}",
            node("a", area.as_str()),
            area_heading(area)
        );
    }
    if fenced {
        out.push_str("```\n");
    }
    out
}

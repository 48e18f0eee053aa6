//! `catalog show --sources`: where each role, activity and choice of a catalog comes from —
//! the passage of a document it quotes, or the catalog's own reason — for a terminal or a
//! markdown page.

use std::fmt::Write as _;

use super::escape::{markdown, no_line_a_ci_command, terminal};
use super::width::prose_width;
use crate::catalog::basis::{Basis, Choices};
use crate::catalog::{Catalog, RoleIdx};

/// One thing a catalog says, and why.
struct Claim {
    what: String,
    basis: Option<Basis>,
}

/// A role, an activity or the limits, with its claims.
struct Entry {
    heading: String,
    claims: Vec<Claim>,
}

fn ids(c: &Catalog, roles: &[RoleIdx]) -> String {
    let names: Vec<&str> = roles.iter().map(|&r| c.roles[r].id.as_str()).collect();
    names.join(", ")
}

/// What each choice key says in this catalog, e.g. `reports-to marketing-manager`.
fn role_choice(c: &Catalog, r: &crate::catalog::Role, key: &str) -> String {
    match key {
        "requirement" => format!("{} in this catalog", r.requirement.as_str()),
        "reports-to" => format!(
            "its work falls to {} when nobody holds it",
            r.reports_to.map_or("—", |to| c.roles[to].id.as_str())
        ),
        "single" => "one holder".to_owned(),
        "conflicts" => format!("not with {}", ids(c, &r.conflicts)),
        "aliases" => format!("also called {}", r.aliases.join(", ")),
        other => other.to_owned(),
    }
}

fn activity_choice(c: &Catalog, a: &crate::catalog::Activity, key: &str) -> String {
    match key {
        "raci" => {
            let mut parts = vec![format!("A {}", c.roles[a.raci.accountable].id)];
            for (letter, roles) in [
                ("R", &a.raci.responsible),
                ("C", &a.raci.consulted),
                ("I", &a.raci.informed),
            ] {
                if !roles.is_empty() {
                    parts.push(format!("{letter} {}", ids(c, roles)));
                }
            }
            parts.join(" · ")
        }
        "keep-in-house" => "accountability kept in-house".to_owned(),
        "must-consult" => format!("must consult {}", ids(c, &a.must_consult)),
        "must-inform" => format!("must inform {}", ids(c, &a.must_inform)),
        other => other.to_owned(),
    }
}

/// A choice the catalog makes, and its basis (none: "no source given").
fn claim(what: String, basis: Option<&Basis>) -> Claim {
    Claim {
        what,
        basis: basis.cloned(),
    }
}

/// Every claim of the catalog — each choice it makes, whether or not it says why.
fn entries(c: &Catalog) -> Vec<Entry> {
    let mut out = Vec::new();
    let limits = [
        (
            "ra-per-fte",
            format!("{} activities as A or R per fte", c.limits.ra_per_fte),
        ),
        (
            "roles-per-person",
            format!("{} roles per person", c.limits.roles_per_person),
        ),
    ];
    out.push(Entry {
        heading: "limits".to_owned(),
        claims: limits
            .into_iter()
            .map(|(key, what)| Claim {
                basis: c
                    .limits_why
                    .each()
                    .into_iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, b)| b.clone()),
                what,
            })
            .collect(),
    });
    for t in &c.teams {
        out.push(Entry {
            heading: format!("{} · a team name, not a role", t.id),
            claims: vec![claim(
                format!("its people hold {}", ids(c, &t.roles)),
                t.basis.as_ref(),
            )],
        });
    }
    for r in &c.roles {
        let w = &r.why;
        let mut claims = vec![
            Claim {
                what: "the role".to_owned(),
                basis: r.basis.clone(),
            },
            claim(role_choice(c, r, "requirement"), w.requirement.as_ref()),
        ];
        if r.reports_to.is_some() {
            claims.push(claim(
                role_choice(c, r, "reports-to"),
                w.reports_to.as_ref(),
            ));
        }
        if r.single {
            claims.push(claim(role_choice(c, r, "single"), w.single.as_ref()));
        }
        if !r.conflicts.is_empty() {
            claims.push(claim(role_choice(c, r, "conflicts"), w.conflicts.as_ref()));
        }
        if !r.aliases.is_empty() {
            claims.push(claim(role_choice(c, r, "aliases"), w.aliases.as_ref()));
        }
        out.push(Entry {
            heading: format!("{} · {}", r.id, r.title),
            claims,
        });
    }
    for a in &c.activities {
        let w = &a.why;
        let mut claims = vec![
            Claim {
                what: "the activity".to_owned(),
                basis: a.basis.clone(),
            },
            claim(activity_choice(c, a, "raci"), w.raci.as_ref()),
        ];
        if a.keep_in_house {
            claims.push(claim(
                activity_choice(c, a, "keep-in-house"),
                w.keep_in_house.as_ref(),
            ));
        }
        if !a.must_consult.is_empty() {
            claims.push(claim(
                activity_choice(c, a, "must-consult"),
                w.must_consult.as_ref(),
            ));
        }
        if !a.must_inform.is_empty() {
            claims.push(claim(
                activity_choice(c, a, "must-inform"),
                w.must_inform.as_ref(),
            ));
        }
        out.push(Entry {
            heading: format!("{} · {}", a.id, a.title),
            claims,
        });
    }
    out
}

/// The basis in words: `TITLE, "SECTION": "QUOTE"`, `editorial: REASON`, a note, or none.
fn said(c: &Catalog, basis: Option<&Basis>) -> String {
    match basis {
        Some(Basis::Source {
            document,
            section,
            quote,
        }) => {
            let title = c
                .documents
                .get(document)
                .map_or(document.as_str(), |d| d.title.as_str());
            format!("{title}, “{section}”: “{quote}”")
        }
        Some(Basis::Editorial { reason }) => format!("editorial: {reason}"),
        Some(Basis::Note(note)) => format!("note: {note}"),
        None => "no source given".to_owned(),
    }
}

/// For a terminal: each entry a heading, each claim and its basis indented under it.
#[must_use]
pub fn human(c: &Catalog) -> String {
    let width = usize::from(prose_width().unwrap_or(100)).max(40);
    let wrap = |text: &str, indent: &'static str, then: &'static str| {
        no_line_a_ci_command(textwrap::fill(
            &terminal(text),
            textwrap::Options::new(width)
                .initial_indent(indent)
                .subsequent_indent(then)
                .break_words(false)
                .word_splitter(textwrap::WordSplitter::NoHyphenation),
        ))
    };
    let mut out = format!(
        "{}\n\n",
        wrap(
            &format!(
                "Where the `{}` catalog's roles, activities and choices come from",
                c.id
            ),
            "",
            ""
        )
    );
    let _ = writeln!(out, "Documents");
    for (id, d) in &c.documents {
        let _ = writeln!(
            out,
            "{}",
            wrap(&format!("{id}: {}", d.title), "  ", "      ")
        );
    }
    for e in entries(c) {
        let _ = writeln!(out, "\n{}", wrap(&e.heading, "", "  "));
        for claim in e.claims {
            let _ = writeln!(out, "{}", wrap(&claim.what, "  ", "    "));
            let _ = writeln!(
                out,
                "{}",
                wrap(&said(c, claim.basis.as_ref()), "      ", "      ")
            );
        }
    }
    out
}

/// For a markdown page: a list per entry.
#[must_use]
pub fn markdown_page(c: &Catalog) -> String {
    let mut out = format!(
        "# Sources of the `{}` catalog\n\n## Documents\n\n",
        markdown(&c.id)
    );
    for (id, d) in &c.documents {
        let _ = writeln!(out, "- `{}`: {}", markdown(id), markdown(&d.title));
    }
    for e in entries(c) {
        let _ = write!(out, "\n## {}\n\n", markdown(&e.heading));
        for claim in e.claims {
            let _ = writeln!(
                out,
                "- **{}** — {}",
                markdown(&claim.what),
                markdown(&said(c, claim.basis.as_ref()))
            );
        }
    }
    out
}

//! `teamplan suggest --apply ID`: write one suggestion into the files, if it adds no error,
//! through the one write path; or print it as a diff with `--dry-run`.

use std::io::Write;
use std::sync::Arc;

use anyhow::{Result, bail};

use super::context::Ctx;
use super::fix::{ready_in_place, write_in_place};
use crate::analysis::{Input, Keep, LevelOverrides, Outcome, analyze};
use crate::cli::SuggestArgs;
use crate::diag::rule::Severity;
use crate::diag::source::SourceFile;
use crate::render::{escape, findings, unified};
use crate::suggest::{Edited, TeamAnswer, edit_change, edit_position};
use crate::write::Options;

/// An error as compared before and after a change: its rule, and the role and person it
/// is about (its message may change with the counts it quotes).
fn key(f: &crate::diag::finding::Finding) -> (String, String, String) {
    let facts = f.facts();
    (
        f.rule.name().to_owned(),
        facts.role.clone().unwrap_or_default(),
        facts.person.clone().unwrap_or_default(),
    )
}

/// The errors of a run, as [`key`]s.
#[must_use]
pub fn error_keys(
    findings: &[crate::diag::finding::Finding],
) -> std::collections::HashSet<(String, String, String)> {
    findings
        .iter()
        .filter(|f| f.level == Severity::Error)
        .map(key)
        .collect()
}

/// The edits of the suggestion `id`, and what it does in words.
fn edits_of(id: &str, answers: &[TeamAnswer<'_>], ctx: &Ctx<'_>) -> Result<(Vec<Edited>, String)> {
    let teams = answers
        .iter()
        .filter(|a| {
            a.positions.iter().any(|p| p.id == id)
                || a.outcomes.iter().any(|o| {
                    o.chosen
                        .iter()
                        .chain(&o.others)
                        .any(|c| a.id_of(&c.change) == id)
                })
        })
        .count();
    if teams > 1 {
        bail!(
            "the id `{}` names suggestions of {teams} teams (files declaring the same team name?): run `teamplan suggest` on one of them",
            escape::terminal(id)
        );
    }
    for a in answers {
        for o in &a.outcomes {
            for answer in o.chosen.iter().chain(&o.others) {
                if a.id_of(&answer.change) == id {
                    let edits = edit_change(a.team, &answer.change).map_err(anyhow::Error::msg)?;
                    return Ok((edits, crate::render::suggest::said(a.team, &answer.change)));
                }
            }
        }
        for p in &a.positions {
            if p.id == id {
                // A month from the day checked: a planned hire (`planned-hire`) until then,
                // not a missing role; the planner moves `start` to the real date.
                let start = ctx
                    .at
                    .checked_add(jiff::Span::new().months(1))
                    .unwrap_or(ctx.at);
                let edit = edit_position(a.team, &p.roles, start).map_err(anyhow::Error::msg)?;
                let ids: Vec<&str> = p
                    .roles
                    .iter()
                    .map(|&r| a.team.catalog.roles[r].id.as_str())
                    .collect();
                return Ok((
                    vec![edit],
                    format!("open a position holding {}", ids.join(", ")),
                ));
            }
        }
    }
    bail!(
        "no suggestion has the id `{}` now: run `teamplan suggest` on the same paths to list them (ids follow the change, and a change already made has none)",
        escape::terminal(id)
    )
}

/// Apply the suggestion `id`.
///
/// # Errors
/// No suggestion has that id, a file cannot be written or changed since it was read.
#[allow(clippy::too_many_arguments, reason = "the command's whole context")]
pub fn apply(
    id: &str,
    answers: &[TeamAnswer<'_>],
    errors_before: &std::collections::HashSet<(String, String, String)>,
    inputs: &[Input],
    args: &SuggestArgs,
    ctx: &Ctx<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8> {
    let (edits, said) = edits_of(id, answers, ctx)?;
    // The change checked as a whole before anything is written.
    let changed: Vec<Input> = inputs
        .iter()
        .map(|input| {
            let mut input = input.clone();
            if let Some(e) = edits.iter().find(|e| e.path == input.path) {
                input.source = Some(Arc::new(SourceFile::new(&input.path, e.after.clone())));
            }
            input
        })
        .collect();
    let options = ctx.load_options(args.max_file_size);
    let after = analyze(
        &changed,
        options,
        &LevelOverrides::default(),
        Keep::Membership,
    );
    // Any error the files did not have, even where another was fixed, stops it.
    let new_errors: Vec<&crate::diag::finding::Finding> = after
        .findings
        .iter()
        .filter(|f| f.level == Severity::Error)
        .filter(|f| !errors_before.contains(&key(f)))
        .collect();
    if let Some(first) = new_errors.first() {
        writeln!(
            err,
            "error: not applied: {} would add {} (first: {}[{}] {}); apply the suggestions it follows first, or choose another",
            escape::terminal(&said),
            crate::diag::words::count(new_errors.len(), "error"),
            first.level.as_str(),
            first.rule.name(),
            escape::terminal(&first.message)
        )?;
        return Ok(1);
    }
    if args.dry_run {
        for e in &edits {
            out.write_all(unified::diff(&e.path, &e.before.text, &e.after).as_bytes())?;
        }
        writeln!(err, "would apply {id}: {}", escape::terminal(&said))?;
        return Ok(0);
    }
    let write_options = Options {
        root: ctx.root,
        force: args.force,
        inputs: &[],
    };
    let mut ready = Vec::with_capacity(edits.len());
    for e in &edits {
        ready.push(ready_in_place(
            &e.path,
            &e.before.text,
            args.max_file_size,
            &write_options,
        )?);
    }
    for (e, (target, current)) in edits.iter().zip(&ready) {
        write_in_place(&e.after, target, current)?;
    }
    writeln!(err, "applied {id}: {}", escape::terminal(&said))?;
    let outcome = Outcome::new(after, Vec::new());
    let code = outcome.exit_code(false);
    findings::human::render_to(out, &outcome, false)?;
    Ok(code)
}

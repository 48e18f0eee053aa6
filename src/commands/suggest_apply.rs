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

/// The edits of the suggestion `id`, and what it does in words.
fn edits_of(id: &str, answers: &[TeamAnswer<'_>], ctx: &Ctx<'_>) -> Result<(Vec<Edited>, String)> {
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
    errors_before: usize,
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
    let errors_after = after
        .findings
        .iter()
        .filter(|f| f.level == Severity::Error)
        .count();
    if errors_after > errors_before {
        writeln!(
            err,
            "error: not applied: {} would add {} (the files changed since the suggestion was made?)",
            escape::terminal(&said),
            crate::diag::words::count(errors_after - errors_before, "error")
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

//! `teamplan check PATH...`: analyze, render the findings, pick the exit code.

use anyhow::Result;

use crate::analysis::{Keep, Outcome, analyze, find_inputs};
use crate::cli::{CheckArgs, CheckFormat};
use crate::input::discover::Exclude;
use crate::render::findings;
use crate::write::{emit, emit_with};

/// Run `check`: print the report and return the exit code.
///
/// # Errors
/// Writing to stdout failed, or a bad `--exclude` glob.
pub fn run(
    args: &CheckArgs,
    ctx: &super::context::Ctx<'_>,
    out: &mut dyn std::io::Write,
) -> Result<u8> {
    let root = ctx.root;
    let exclude = Exclude::new(&args.exclude)?;
    let (inputs, skipped) = find_inputs(&args.paths, &exclude, root, args.max_file_size);
    warn_unused(&exclude)?;
    let options = ctx.load_options(args.max_file_size);
    let levels = args.levels();
    if args.dry_run && args.format != CheckFormat::Human {
        anyhow::bail!(
            "--fix --dry-run prints a unified diff; run it without --format (the fixes of --fix are in --format json's \"fixes\")"
        );
    }
    let mut made = None;
    let inputs = if args.fix {
        let mut diff = Vec::new();
        let (fixed, records) = super::fix::run(
            &inputs,
            options,
            &levels,
            super::fix::How {
                dry_run: args.dry_run,
                quiet: args.quiet,
                force: args.force,
            },
            &mut diff,
        )?;
        made = Some(records);
        if args.dry_run {
            // The diff is the output; nothing changed, so the exit code is the files' as they
            // are (a dry run never lets a broken file through).
            let analysis = analyze(&inputs, options, &levels, Keep::Membership);
            let outcome = Outcome::new(analysis, skipped);
            return Ok(emit(out, &diff, outcome.exit_code(args.strict))?);
        }
        fixed
    } else {
        inputs
    };
    let analysis = analyze(&inputs, options, &levels, Keep::Membership);
    let mut outcome = Outcome::new(analysis, skipped);
    if made.is_some() && !args.quiet {
        still_unreadable(&outcome)?;
    }
    outcome.fixes = made;
    outcome.at = Some(ctx.at);
    let code = outcome.exit_code(args.strict);
    let text = match args.format {
        CheckFormat::Human => {
            return Ok(emit_with(out, code, |out| {
                findings::human::render_to(out, &outcome, args.quiet)
            })?);
        }
        CheckFormat::Json => findings::json::render(&outcome),
        CheckFormat::Github => findings::github::render(&outcome),
        CheckFormat::Markdown => findings::markdown::render(&outcome),
        CheckFormat::Sarif => findings::sarif::render(&outcome),
    };
    Ok(emit(out, text.as_bytes(), code)?)
}

/// After `--fix`: the files that still do not read as teams, whose roles, people and
/// activities could not be checked (nor fixed) yet.
fn still_unreadable(outcome: &Outcome) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut err = anstream::stderr();
    let mut said = std::collections::HashSet::new();
    for f in &outcome.findings {
        if f.rule.is_unreadable() && said.insert(&f.file) {
            writeln!(
                err,
                "note: {} does not read as a team yet: its roles, people and activities are checked (and fixed) once the errors below are fixed",
                crate::render::escape::terminal(&f.file)
            )?;
        }
    }
    Ok(())
}

/// Say which `--exclude` globs matched nothing: a pattern that skips nothing is a mistake
/// more often than not (a path written from the wrong folder).
///
/// # Errors
/// Writing to stderr failed.
pub(crate) fn warn_unused(exclude: &Exclude) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut err = anstream::stderr();
    for pattern in exclude.unused() {
        writeln!(
            err,
            "warning: --exclude `{}` matched nothing (globs match paths as given, or relative to the folder searched, e.g. `drafts/**`)",
            crate::render::escape::terminal(pattern)
        )?;
    }
    Ok(())
}

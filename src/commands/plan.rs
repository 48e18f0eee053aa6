//! `teamplan plan PATH...`: a plan's timeline, or its open positions (`--compare` is
//! [`super::scenarios`]).

use std::io::Write;

use anyhow::{Result, bail};
use jiff::civil::Date;

use super::context::Ctx;
use crate::analysis::{Analysis, Keep, LevelOverrides, analyze, find_inputs};
use crate::cli::{PlanArgs, PlanFormat};
use crate::input::discover::Exclude;
use crate::plan::{MAX_PERIODS, Plan, default_range, period_count, timeline, year_from};
use crate::render::plan::grid::Layout;
use crate::render::plan::{positions, timeline as shown};

/// Run `teamplan plan`.
///
/// # Errors
/// A range that ends before it starts, plans in several currencies, bad globs, or output
/// that cannot be written.
pub fn timeline_or_positions(
    args: &PlanArgs,
    ctx: &Ctx<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8> {
    let (from, to) = range(args, ctx.at)?;
    let exclude = Exclude::new(&args.exclude)?;
    let loaded = load(&args.paths, &exclude, args, ctx, err)?;
    super::check::warn_unused(&exclude)?;
    let analysis = match loaded {
        Ok(analysis) => analysis,
        Err(code) => return Ok(code),
    };
    super::stop::say_findings(&analysis, &args.paths, ctx, err, "planned")?;
    let plan = Plan::of(&analysis.teams).map_err(anyhow::Error::msg)?;
    let name = name_of(&plan);
    let text = if args.positions {
        match args.format {
            PlanFormat::Json => positions::json(&plan),
            other => positions::grids(&plan, layout(other))?,
        }
    } else {
        let t = timeline(&plan, from, to, args.by.into());
        let heading = shown::Heading {
            name: &name,
            currency: plan.currency.as_deref(),
            by: args.by.into(),
            at: ctx.at,
            notes: &plan.notes,
        };
        match args.format {
            PlanFormat::Json => shown::json(&t, heading),
            other => shown::grids(&t, heading, layout(other))?,
        }
    };
    out.write_all(text.as_bytes())?;
    // As `check` does: the process ends now, and freeing every person of a big org one
    // allocation at a time would only delay that.
    drop(plan);
    std::mem::forget(analysis);
    Ok(0)
}

/// `--from` and `--to`: by default the four quarters from the one `at` is in, and a year
/// from `--from` when only it is given.
pub(super) fn range(args: &PlanArgs, at: Date) -> Result<(Date, Date)> {
    let from = args.from.unwrap_or_else(|| default_range(at).0);
    let to = args.to.unwrap_or_else(|| year_from(from));
    if to < from {
        bail!(
            "--to ({to}) is before --from ({from}): the plan runs from its first day to its last"
        );
    }
    if period_count(from, to, args.by.into()) > MAX_PERIODS {
        bail!(
            "--from {from} --to {to} makes more than {MAX_PERIODS} periods: plan at most a century by month, or three by quarter"
        );
    }
    Ok((from, to))
}

/// The teams of `paths`, loaded with their rosters; Err(exit code) when one cannot be
/// read (said on `err`). The caller says which `--exclude` globs matched nothing, once.
pub(super) fn load(
    paths: &[std::path::PathBuf],
    exclude: &Exclude,
    args: &PlanArgs,
    ctx: &Ctx<'_>,
    err: &mut dyn Write,
) -> Result<Result<Analysis, u8>> {
    let (inputs, skipped) = find_inputs(paths, exclude, ctx.root, args.max_file_size);
    let mut options = ctx.load_options(args.max_file_size);
    options.roster = true;
    let analysis = analyze(&inputs, options, &LevelOverrides::default(), Keep::Teams);
    if super::stop::must_stop(&analysis) {
        return super::stop::refuse(analysis, skipped, err, "planned").map(Err);
    }
    Ok(Ok(analysis))
}

/// What a plan is called: its team's (or org's) name, or its teams' names.
pub(super) fn name_of(plan: &Plan<'_>) -> String {
    match plan.teams.as_slice() {
        [one] => one.name.clone(),
        teams => format!("{} teams", teams.len()),
    }
}

fn layout(format: PlanFormat) -> Layout {
    match format {
        PlanFormat::Markdown => Layout::Markdown,
        PlanFormat::Csv => Layout::Csv,
        PlanFormat::Table | PlanFormat::Json => Layout::Table,
    }
}

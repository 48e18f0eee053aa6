//! `teamplan export PATH... --format backstage`: the teams as Backstage catalog entities,
//! written, or kept fresh in CI with `--check`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use crate::analysis::{Keep, LevelOverrides, analyze, find_inputs};
use crate::cli::{ExportArgs, ExportFormat};
use crate::input::discover::Exclude;
use crate::render::{backstage, escape};

use super::deliver::{Delivery, Dest, deliver};

/// Run `export`; returns the exit code (2 when a file could not be read).
///
/// # Errors
/// Bad globs, a target that must not be written.
pub fn run(
    args: &ExportArgs,
    ctx: &super::context::Ctx<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8> {
    let root = ctx.root;
    let exclude = Exclude::new(&args.exclude)?;
    let (inputs, skipped) = find_inputs(&args.paths, &exclude, root, args.max_file_size);
    super::check::warn_unused(&exclude)?;
    let options = ctx.load_options(args.max_file_size);
    let analysis = analyze(&inputs, options, &LevelOverrides::default(), Keep::Teams);
    let read: Vec<PathBuf> = inputs
        .iter()
        .map(|i| i.path.clone())
        .chain(analysis.teams.iter().filter_map(|t| t.catalog_file.clone()))
        .collect();
    // A team that cannot be read would be exported without its people: nothing is written.
    if super::stop::must_stop(&analysis) {
        return super::stop::refuse(analysis, skipped, err, "exported");
    }
    let (rendered, notes) = match args.format {
        ExportFormat::Backstage => backstage::render(&analysis.teams, args.namespace.as_deref())?,
    };
    if !args.quiet {
        for note in &notes {
            writeln!(err, "warning: {}", escape::terminal(note))?;
        }
        super::stop::say_findings(&analysis, &args.paths, ctx, err, "exported")?;
    }
    deliver(
        &rendered,
        &Delivery {
            dest: args.output.as_deref().map_or(Dest::Stdout, Dest::Output),
            check: args.check,
            quiet: args.quiet,
            force: args.force,
            max_file_size: args.max_file_size,
            root,
            inputs: &read,
            check_needs: "--output FILE",
        },
        out,
        err,
    )
}

//! `teamplan suggest PATH...`: who could take each gap, and the fewest new positions.

use std::io::Write;

use anyhow::Result;

use super::context::Ctx;
use crate::analysis::{Keep, LevelOverrides, analyze, find_inputs};
use crate::cli::{SuggestArgs, SuggestFormat};
use crate::input::discover::Exclude;
use crate::render::suggest;
use crate::suggest::TeamAnswer;

/// Run `teamplan suggest`.
///
/// # Errors
/// Bad globs, or output that cannot be written.
pub fn run(
    args: &SuggestArgs,
    ctx: &Ctx<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8> {
    let exclude = Exclude::new(&args.exclude)?;
    let (inputs, skipped) = find_inputs(&args.paths, &exclude, ctx.root, args.max_file_size);
    super::check::warn_unused(&exclude)?;
    let analysis = analyze(
        &inputs,
        ctx.load_options(args.max_file_size),
        &LevelOverrides::default(),
        Keep::Teams,
    );
    if super::stop::must_stop(&analysis) {
        return super::stop::refuse(analysis, skipped, err, "suggested");
    }
    let errors_before = super::suggest_apply::error_keys(&analysis.findings);
    let answers: Vec<TeamAnswer<'_>> = analysis.teams.iter().map(TeamAnswer::of).collect();
    if let Some(id) = &args.apply {
        return super::suggest_apply::apply(
            id,
            &answers,
            &errors_before,
            &inputs,
            args,
            ctx,
            out,
            err,
        );
    }
    let text = match args.format {
        SuggestFormat::Human => suggest::human(&answers, ctx.at),
        SuggestFormat::Markdown => suggest::markdown_report(&answers, ctx.at),
        SuggestFormat::Json => suggest::json(&answers, ctx.at),
    };
    out.write_all(text.as_bytes())?;
    Ok(0)
}

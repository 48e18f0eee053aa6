//! `teamplan check PATH...`: analyze, render the findings, pick the exit code.

use anyhow::Result;

use crate::analysis::{Keep, Outcome, analyze, find_inputs};
use crate::cli::{CheckArgs, CheckFormat};
use crate::input::discover;
use crate::render::findings;
use crate::team::LoadOptions;
use crate::write::emit;

/// Run `check`: print the report and return the exit code.
///
/// # Errors
/// Writing to stdout failed, or a bad `--exclude` glob.
pub fn run(
    args: &CheckArgs,
    quiet: bool,
    root: Option<&std::path::Path>,
    out: &mut dyn std::io::Write,
) -> Result<u8> {
    let exclude = discover::exclude_set(&args.exclude)?;
    let (inputs, skipped) = find_inputs(&args.paths, &exclude, root);
    let options = LoadOptions {
        max_file_size: args.max_file_size,
        root,
    };
    let analysis = analyze(&inputs, options, &args.levels(), Keep::Membership);
    let outcome = Outcome::new(analysis, skipped);
    let text = match args.format {
        CheckFormat::Human => findings::human::render(&outcome, quiet),
        CheckFormat::Json => findings::json::render(&outcome),
        CheckFormat::Github => findings::github::render(&outcome),
        CheckFormat::Markdown => findings::markdown::render(&outcome),
        CheckFormat::Sarif => findings::sarif::render(&outcome),
    };
    Ok(emit(out, text.as_bytes(), outcome.exit_code(args.strict))?)
}

//! `teamplan report PATH... --output FILE.html`.

use crate::input::DEFAULT_MAX_FILE_SIZE;
use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use crate::analysis::{Keep, LevelOverrides, analyze, find_inputs};
use crate::cli::ReportArgs;
use crate::input::discover::Exclude;
use crate::render::escape;
use crate::render::page;
use crate::write::{Change, Options, write_with};

/// Run `report`; returns the exit code (2 when a file could not be read, else 0).
///
/// # Errors
/// The output cannot be written.
pub fn run(args: &ReportArgs, ctx: &super::context::Ctx<'_>, out: &mut dyn Write) -> Result<u8> {
    let root = ctx.root;
    let exclude = Exclude::new(&args.exclude)?;
    let (inputs, _) = find_inputs(&args.paths, &exclude, root, DEFAULT_MAX_FILE_SIZE);
    super::check::warn_unused(&exclude)?;
    // Every entry as written, whatever the day: the page's Plan section reads them.
    let mut options = ctx.load_options(DEFAULT_MAX_FILE_SIZE);
    options.roster = true;
    let analysis = analyze(&inputs, options, &LevelOverrides::default(), Keep::Teams);
    let title = match analysis.teams.as_slice() {
        [one] if args.paths.len() == 1 && !args.paths[0].is_dir() => {
            format!("{}: team report", one.name)
        }
        _ => format!(
            "Team report: {}",
            args.paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let code = if let Some(first) = analysis.unreadable() {
        // The page shows every finding; the terminal says why the run fails.
        writeln!(
            anstream::stderr(),
            "error: {}:{}:{}: {}; run `teamplan check` on it for details",
            escape::terminal(&first.file),
            first.line,
            first.column,
            escape::terminal(&first.message)
        )?;
        2
    } else {
        0
    };
    if let Some(path) = &args.output {
        let inputs: Vec<PathBuf> = inputs
            .iter()
            .map(|i| i.path.clone())
            .chain(analysis.teams.iter().filter_map(|t| t.catalog_file.clone()))
            .collect();
        let options = Options {
            root,
            force: args.force,
            inputs: &inputs,
        };
        write_with(path, Change::Replace, &options, &mut |w| {
            page::render(w, &analysis.teams, &analysis.findings, &title, ctx.at)
        })?;
        if !args.quiet {
            writeln!(anstream::stderr(), "wrote {}", escape::path(path))?;
        }
        return Ok(code);
    }
    let mut buffered = std::io::BufWriter::with_capacity(64 * 1024, out);
    let written = page::render(
        &mut buffered,
        &analysis.teams,
        &analysis.findings,
        &title,
        ctx.at,
    )
    .and_then(|()| buffered.flush());
    match written {
        // A reader that stops early (`| head`) does not change the exit code.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(code),
    }
}

//! `teamplan diff OLD NEW` and `teamplan diff --git REV PATH...`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::analysis::{Analysis, Input, Keep, LevelOverrides, analyze};
use crate::cli::{DiffArgs, DiffFormat};
use crate::diff::Diff;
use crate::input::discover::Exclude;
use crate::input::git::files_at;
use crate::team::LoadOptions;

/// Run `diff`; returns the exit code.
///
/// # Errors
/// Wrong arguments, or git failing.
pub fn run(args: &DiffArgs, root: Option<&Path>, out: &mut dyn Write) -> Result<u8> {
    let options = LoadOptions {
        root,
        max_file_size: args.max_file_size,
        org_catalog: None,
    };
    let levels = LevelOverrides::default();
    let exclude = Exclude::new(&args.exclude)?;
    let (old, new) = if let Some(rev) = &args.git {
        let new_inputs = on_disk(&args.paths, &exclude, root);
        let old_inputs: Vec<Input> = files_at(rev, &args.paths, options.max_file_size)?
            .into_iter()
            // The same files as on disk: what --exclude skips there is skipped here.
            .filter(|f| f.explicit || !args.paths.iter().any(|p| exclude.excludes(&f.path, p)))
            .map(|f| Input {
                path: f.path,
                source: Some(f.source),
                explicit: f.explicit,
                given: 0,
                refused: None,
                root: None,
                reported: true,
            })
            .collect();
        (
            analyze(&old_inputs, options, &levels, Keep::Teams),
            analyze(&new_inputs, options, &levels, Keep::Teams),
        )
    } else {
        let [old, new] = args.paths.as_slice() else {
            bail!("give two paths, OLD and NEW (or --git REV and the paths to compare)");
        };
        (
            analyze(
                &on_disk(std::slice::from_ref(old), &exclude, root),
                options,
                &levels,
                Keep::Teams,
            ),
            analyze(
                &on_disk(std::slice::from_ref(new), &exclude, root),
                options,
                &levels,
                Keep::Teams,
            ),
        )
    };
    unreadable(&old, "the old side")?;
    unreadable(&new, "the new side")?;
    let diff = Diff::new(&old, &new);
    let text = match args.format {
        DiffFormat::Human => crate::render::diff::human(&diff),
        DiffFormat::Markdown => crate::render::diff::markdown(&diff),
        DiffFormat::Json => crate::render::diff::json(&diff),
    };
    let code = u8::from(args.fail_on_new_errors && diff.adds_errors());
    Ok(crate::write::emit(out, text.as_bytes(), code)?)
}

/// A side that cannot be read cannot be compared: say which file and why.
fn unreadable(side: &Analysis, what: &str) -> Result<()> {
    if let Some(f) = side.unreadable() {
        bail!(
            "{what} cannot be read: {}:{}:{}: {}",
            f.file,
            f.line,
            f.column,
            f.message
        );
    }
    Ok(())
}

fn on_disk(paths: &[PathBuf], exclude: &Exclude, root: Option<&Path>) -> Vec<Input> {
    crate::analysis::find_inputs(paths, exclude, root).0
}

//! `teamplan diff OLD NEW` and `teamplan diff --git REV PATH...`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::analysis::{Analysis, Input, Keep, LevelOverrides, analyze, as_shown, org_file_of};
use crate::cli::{DiffArgs, DiffFormat};
use crate::diff::Diff;
use crate::input::discover::Exclude;
use crate::input::git::{files_at, org_at};
use crate::input::root::lexical;

/// Run `diff`; returns the exit code.
///
/// # Errors
/// Wrong arguments, or git failing.
pub fn run(args: &DiffArgs, ctx: &super::context::Ctx<'_>, out: &mut dyn Write) -> Result<u8> {
    let root = ctx.root;
    let options = ctx.load_options(args.max_file_size);
    let levels = LevelOverrides::default();
    let exclude = Exclude::new(&args.exclude)?;
    // Two folders (or files) compared: the path each side's messages name a file by.
    let mut roots = [String::new(), String::new()];
    let (old, new) = if let Some(rev) = &args.git {
        let new_inputs = on_disk(&args.paths, &exclude, root, options.max_file_size);
        // A path inside an org is the whole org on both sides: the old side reads the org's
        // folder at REV, and says of it what the new side says.
        let reported: std::collections::HashMap<PathBuf, bool> = new_inputs
            .iter()
            .map(|i| (lexical(&i.path), i.reported))
            .collect();
        let given: Vec<PathBuf> = args.paths.iter().map(|p| lexical(p)).collect();
        let mut orgs = orgs_of(&args.paths, root, options.max_file_size);
        // An org as it was at REV too: a change that deletes or moves the org file still
        // compares the org it had.
        for path in &args.paths {
            if let Some((dir, org)) = org_at(rev, path, options.max_file_size)? {
                let (dir, org) = (lexical(&dir), lexical(&org));
                if !orgs.iter().any(|(d, _)| *d == dir) {
                    orgs.push((dir, org));
                }
            }
        }
        let mut old_paths = args.paths.clone();
        for (dir, _) in &orgs {
            let dir = as_shown(dir);
            if !old_paths.iter().any(|p| lexical(p) == lexical(&dir)) {
                old_paths.push(dir);
            }
        }
        let mut seen = std::collections::HashSet::new();
        let old_inputs: Vec<Input> = files_at(rev, &old_paths, options.max_file_size)?
            .into_iter()
            // A unit given and its org's folder name one file twice.
            .filter(|f| seen.insert(lexical(&f.path)))
            // The same files as on disk: what --exclude skips there is skipped here.
            .filter(|f| f.explicit || !old_paths.iter().any(|p| exclude.excludes(&f.path, p)))
            .map(|f| {
                let at = lexical(&f.path);
                let reported = reported
                    .get(&at)
                    .copied()
                    .unwrap_or_else(|| given.iter().any(|g| at.starts_with(g)));
                Input {
                    path: f.path,
                    source: Some(f.source),
                    explicit: f.explicit,
                    given: 0,
                    refused: None,
                    root: None,
                    reported,
                    // Found only to complete the orgs of the paths given: wanted for
                    // those whose folders hold it.
                    for_org: if given.iter().any(|g| at.starts_with(g)) {
                        Vec::new()
                    } else {
                        orgs.iter()
                            .filter(|(dir, _)| at.starts_with(dir))
                            .map(|(_, org)| org.clone())
                            .collect()
                    },
                }
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
        if old.is_dir() && new.is_dir() {
            // As a folder prefix (`a/`), never a bare word a message may hold.
            roots = [old, new].map(|p| {
                let shown = p.display().to_string();
                if shown.ends_with('/') {
                    shown
                } else {
                    format!("{shown}/")
                }
            });
        }
        (
            analyze(
                &on_disk(
                    std::slice::from_ref(old),
                    &exclude,
                    root,
                    options.max_file_size,
                ),
                options,
                &levels,
                Keep::Teams,
            ),
            analyze(
                &on_disk(
                    std::slice::from_ref(new),
                    &exclude,
                    root,
                    options.max_file_size,
                ),
                options,
                &levels,
                Keep::Teams,
            ),
        )
    };
    unreadable(&old, "the old side")?;
    unreadable(&new, "the new side")?;
    let diff = Diff::between(&old, &new, [&roots[0], &roots[1]]);
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

/// The org each path given is inside, once: its folder and its org file (both lexical).
fn orgs_of(paths: &[PathBuf], root: Option<&Path>, max_file_size: u64) -> Vec<(PathBuf, PathBuf)> {
    let mut out: Vec<(PathBuf, PathBuf)> = Vec::new();
    for path in paths {
        let Ok(Some(org)) = org_file_of(path, root, max_file_size) else {
            continue;
        };
        let org = lexical(&org);
        let Some(dir) = org.parent().map(Path::to_path_buf) else {
            continue;
        };
        if !out.iter().any(|(d, _)| *d == dir) {
            out.push((dir, org));
        }
    }
    out
}

fn on_disk(
    paths: &[PathBuf],
    exclude: &Exclude,
    root: Option<&Path>,
    max_file_size: u64,
) -> Vec<Input> {
    crate::analysis::find_inputs(paths, exclude, root, max_file_size).0
}

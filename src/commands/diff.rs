//! `teamplan diff OLD NEW` and `teamplan diff --git REV PATH...`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use anyhow::{Context as _, Result, bail};

use crate::analysis::{Analysis, Input, Keep, LevelOverrides, analyze};
use crate::cli::{DiffArgs, DiffFormat};
use crate::diag::source::SourceFile;
use crate::diff::Diff;
use crate::team::LoadOptions;

/// Run `diff`; returns the exit code.
///
/// # Errors
/// Wrong arguments, or git failing.
pub fn run(args: &DiffArgs, out: &mut dyn Write) -> Result<u8> {
    let options = LoadOptions::default();
    let levels = LevelOverrides::default();
    let (old, new) = if let Some(rev) = &args.git {
        let new_inputs = on_disk(&args.paths);
        let old_inputs = at_revision(rev, &args.paths)?;
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
                &on_disk(std::slice::from_ref(old)),
                options,
                &levels,
                Keep::Teams,
            ),
            analyze(
                &on_disk(std::slice::from_ref(new)),
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
    out.write_all(text.as_bytes())?;
    Ok(u8::from(args.fail_on_new_errors && diff.adds_errors()))
}

/// A side that cannot be read cannot be compared: say which file and why.
fn unreadable(side: &Analysis, what: &str) -> Result<()> {
    if let Some(f) = side.findings.iter().find(|f| {
        matches!(
            f.rule,
            crate::diag::rule::Rule::ParseError | crate::diag::rule::Rule::InvalidCatalog
        )
    }) {
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

fn on_disk(paths: &[PathBuf]) -> Vec<Input> {
    crate::analysis::find_inputs(paths, &globset::GlobSet::empty()).0
}

fn git(dir: &Path, args: &[&str]) -> Result<std::process::Output> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .context("cannot run git; is it installed?")
}

/// The `*.toml` files under each path as they were at `rev`. The files keep their
/// working-tree paths, so a custom catalog named relative to a team file is found.
fn at_revision(rev: &str, paths: &[PathBuf]) -> Result<Vec<Input>> {
    let mut inputs = Vec::new();
    for path in paths {
        let dir = if path.is_dir() {
            path.clone()
        } else {
            path.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        };
        let top = git(&dir, &["rev-parse", "--show-toplevel"])?;
        if !top.status.success() {
            bail!("{} is not inside a git repository", path.display());
        }
        let check = git(
            &dir,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{rev}^{{commit}}"),
            ],
        )?;
        if !check.status.success() {
            bail!("`{rev}` is not a git revision here");
        }
        let top = PathBuf::from(String::from_utf8_lossy(&top.stdout).trim());
        let absolute = std::fs::canonicalize(if path.exists() {
            path.as_path()
        } else {
            dir.as_path()
        })
        .with_context(|| format!("cannot resolve {}", path.display()))?;
        let absolute = if path.exists() {
            absolute
        } else {
            absolute.join(path.file_name().unwrap_or_default())
        };
        let top = std::fs::canonicalize(&top).unwrap_or(top);
        let relative = absolute
            .strip_prefix(&top)
            .unwrap_or(&absolute)
            .to_string_lossy()
            .replace('\\', "/");
        let listed = git(
            &top,
            &["ls-tree", "-r", "--name-only", rev, "--", &relative],
        )?;
        let files: Vec<String> = String::from_utf8_lossy(&listed.stdout)
            .lines()
            .filter(|f| {
                path.is_file()
                    || Path::new(f)
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
            })
            .map(str::to_owned)
            .collect();
        for file in files {
            let shown = git(&top, &["show", &format!("{rev}:{file}")])?;
            if !shown.status.success() {
                continue;
            }
            let suffix = file
                .strip_prefix(&relative)
                .unwrap_or(&file)
                .trim_start_matches('/');
            let local = if suffix.is_empty() {
                path.clone()
            } else {
                path.join(suffix)
            };
            let text = String::from_utf8(shown.stdout)
                .with_context(|| format!("{rev}:{file} is not UTF-8"))?;
            inputs.push(Input {
                source: Some(Arc::new(SourceFile::new(&local, text))),
                path: local,
                explicit: !path.is_dir(),
            });
        }
    }
    Ok(inputs)
}

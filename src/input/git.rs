//! Team files as they were at a git revision, for `diff --git`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use anyhow::{Context as _, Result, bail};

use crate::diag::source::SourceFile;

/// A file's text at a revision, under the path it has in the working tree.
#[derive(Debug, Clone)]
pub struct FileAt {
    pub path: PathBuf,
    pub source: Arc<SourceFile>,
    /// Named by the user rather than found in a folder.
    pub explicit: bool,
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
///
/// # Errors
/// A path outside a git repository, an unknown revision, git missing or failing.
pub fn files_at(rev: &str, paths: &[PathBuf]) -> Result<Vec<FileAt>> {
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
            inputs.push(FileAt {
                source: Arc::new(SourceFile::new(&local, text)),
                path: local,
                explicit: !path.is_dir(),
            });
        }
    }
    Ok(inputs)
}

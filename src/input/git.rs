//! Team files as they were at a git revision, for `diff --git`.

use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use anyhow::{Context as _, Result, bail};

use super::read::text_source;
use crate::diag::source::SourceFile;

/// A file's text at a revision, under the path it has in the working tree.
#[derive(Debug, Clone)]
pub struct FileAt {
    pub path: PathBuf,
    pub source: Arc<SourceFile>,
    /// Named by the user rather than found in a folder.
    pub explicit: bool,
}

/// Run git in `dir`; a git that cannot run, or that fails, is an error (never an empty
/// answer, which would make every file look added).
fn git(dir: &Path, args: &[&OsStr]) -> Result<Vec<u8>> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .context("cannot run git; is it installed?")?;
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stderr).trim().to_owned();
        bail!(
            "git {} failed: {}",
            args.first()
                .map_or(std::borrow::Cow::Borrowed(""), |a| a.to_string_lossy()),
            if said.is_empty() {
                out.status.to_string()
            } else {
                said
            }
        );
    }
    Ok(out.stdout)
}

/// The `*.toml` files under each path as they were at `rev`, each at most `max_size`
/// bytes. The files keep their working-tree paths, so a custom catalog named relative to a
/// team file is found. Names are read NUL-separated (`-z`), so no name is quoted or lost.
///
/// # Errors
/// A path outside a git repository, an unknown revision, git missing or failing, a file
/// too large.
pub fn files_at(rev: &str, paths: &[PathBuf], max_size: u64) -> Result<Vec<FileAt>> {
    if rev.starts_with('-') {
        bail!("`{rev}` is not a git revision (it would read as an option)");
    }
    let mut inputs = Vec::new();
    for path in paths {
        let dir = if path.is_dir() {
            path.clone()
        } else {
            path.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        };
        let top = git(
            &dir,
            &[OsStr::new("rev-parse"), OsStr::new("--show-toplevel")],
        )
        .with_context(|| format!("{} is not inside a git repository", path.display()))?;
        let top = PathBuf::from(OsStr::from_bytes(trim_newline(&top)));
        let commit = git(
            &dir,
            &[
                OsStr::new("rev-parse"),
                OsStr::new("--verify"),
                OsStr::new("--quiet"),
                OsStr::new(&format!("{rev}^{{commit}}")),
            ],
        )
        .with_context(|| format!("`{rev}` is not a git revision here"))?;
        let commit = String::from_utf8_lossy(trim_newline(&commit)).into_owned();
        let absolute = if path.exists() {
            std::fs::canonicalize(path)
        } else {
            std::fs::canonicalize(&dir).map(|d| d.join(path.file_name().unwrap_or_default()))
        }
        .with_context(|| format!("cannot resolve {}", path.display()))?;
        let top = std::fs::canonicalize(&top).unwrap_or(top);
        let relative = absolute.strip_prefix(&top).unwrap_or(&absolute);
        let mut list = vec![
            OsStr::new("ls-tree"),
            OsStr::new("-r"),
            OsStr::new("-z"),
            OsStr::new("--name-only"),
            OsStr::new(&commit),
            OsStr::new("--"),
        ];
        if !relative.as_os_str().is_empty() {
            list.push(relative.as_os_str());
        }
        let listed = git(&top, &list)?;
        for name in listed.split(|&b| b == 0).filter(|n| !n.is_empty()) {
            let file = Path::new(OsStr::from_bytes(name));
            if !path.is_file()
                && !file
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
            {
                continue;
            }
            let mut object = OsString::from(&commit);
            object.push(":");
            object.push(file.as_os_str());
            let size = git(&top, &[OsStr::new("cat-file"), OsStr::new("-s"), &object])?;
            let size: u64 = String::from_utf8_lossy(trim_newline(&size))
                .parse()
                .unwrap_or(u64::MAX);
            if size > max_size {
                bail!(
                    "{rev}:{} is {size} bytes, more than --max-file-size ({max_size})",
                    file.display()
                );
            }
            let blob = git(&top, &[OsStr::new("cat-file"), OsStr::new("blob"), &object])?;
            let suffix = file.strip_prefix(relative).unwrap_or(file);
            let local = if suffix.as_os_str().is_empty() {
                path.clone()
            } else {
                path.join(suffix)
            };
            let source = text_source(&local, blob)
                .map_err(|f| anyhow::anyhow!("{rev}:{}: {}", file.display(), f.message))?;
            inputs.push(FileAt {
                source,
                path: local,
                explicit: !path.is_dir(),
            });
        }
    }
    Ok(inputs)
}

fn trim_newline(bytes: &[u8]) -> &[u8] {
    bytes.strip_suffix(b"\n").unwrap_or(bytes)
}

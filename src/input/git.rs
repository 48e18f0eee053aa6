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
        let (top, commit, relative) = locate(rev, path)?;
        let relative = relative.as_path();
        for (file, link) in tree(&top, &commit, relative, true)? {
            if !path.is_file()
                && !file
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
            {
                continue;
            }
            // A committed symlink is read as the file it leads to at the revision, as a
            // link is followed on disk; one leading out of the repository is left out.
            let target = if link {
                match follow(&top, &commit, &file)? {
                    Some(target) => target,
                    None => continue,
                }
            } else {
                file.clone()
            };
            let blob = match blob(&top, &commit, &target, max_size) {
                Ok(blob) => blob,
                // A link to nothing at the revision leads nowhere, as on disk.
                Err(_) if link => continue,
                Err(e) => return Err(e.context(format!("{rev}:{}", file.display()))),
            };
            let file = file.as_path();
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

/// The repository of `path`, the commit `rev` names there, and `path` relative to the
/// repository's top (a path deleted since is placed by its nearest existing folder).
fn locate(rev: &str, path: &Path) -> Result<(PathBuf, String, PathBuf)> {
    let dir = if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    };
    let existing = dir
        .ancestors()
        .find(|a| a.as_os_str().is_empty() || a.is_dir());
    let existing = match existing {
        Some(a) if !a.as_os_str().is_empty() => a.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let top = git(
        &existing,
        &[OsStr::new("rev-parse"), OsStr::new("--show-toplevel")],
    )
    .with_context(|| format!("{} is not inside a git repository", path.display()))?;
    let top = PathBuf::from(OsStr::from_bytes(trim_newline(&top)));
    let commit = git(
        &existing,
        &[
            OsStr::new("rev-parse"),
            OsStr::new("--verify"),
            OsStr::new("--quiet"),
            OsStr::new(&format!("{rev}^{{commit}}")),
        ],
    )
    .with_context(|| format!("`{rev}` is not a git revision here"))?;
    let commit = String::from_utf8_lossy(trim_newline(&commit)).into_owned();
    let base = std::fs::canonicalize(&existing)
        .with_context(|| format!("cannot resolve {}", path.display()))?;
    let rest = crate::input::root::lexical(path);
    let rest = rest
        .strip_prefix(crate::input::root::lexical(&existing))
        .unwrap_or(Path::new(""));
    let absolute = base.join(rest);
    let top = std::fs::canonicalize(&top).unwrap_or(top);
    let relative = absolute
        .strip_prefix(&top)
        .unwrap_or(&absolute)
        .to_path_buf();
    Ok((top, commit, relative))
}

/// The files under `relative` at `commit` (all the way down with `recursive`, else the
/// folder's own), each with whether it is a symlink.
fn tree(
    top: &Path,
    commit: &str,
    relative: &Path,
    recursive: bool,
) -> Result<Vec<(PathBuf, bool)>> {
    let mut list = vec![OsStr::new("ls-tree"), OsStr::new("-z")];
    if recursive {
        list.push(OsStr::new("-r"));
    }
    list.extend([OsStr::new(commit), OsStr::new("--")]);
    // `dir/` lists the folder's entries; `dir` alone would list the folder itself.
    let folder = {
        let mut f = relative.as_os_str().to_os_string();
        if !recursive && !f.is_empty() {
            f.push("/");
        }
        f
    };
    if !folder.is_empty() {
        list.push(&folder);
    }
    let listed = git(top, &list)?;
    // Each entry: `MODE TYPE OBJECT\tNAME`.
    Ok(listed
        .split(|&b| b == 0)
        .filter_map(|entry| {
            let tab = entry.iter().position(|&b| b == b'\t')?;
            let (meta, name) = (&entry[..tab], &entry[tab + 1..]);
            let blob = meta.split(|&b| b == b' ').nth(1) == Some(b"blob");
            blob.then(|| {
                (
                    PathBuf::from(OsStr::from_bytes(name)),
                    meta.starts_with(b"120000"),
                )
            })
        })
        .collect())
}

/// The text of `file` at `commit`, refused past `max_size` bytes.
fn blob(top: &Path, commit: &str, file: &Path, max_size: u64) -> Result<Vec<u8>> {
    let mut object = OsString::from(commit);
    object.push(":");
    object.push(file.as_os_str());
    let size = git(top, &[OsStr::new("cat-file"), OsStr::new("-s"), &object])?;
    let size: u64 = String::from_utf8_lossy(trim_newline(&size))
        .parse()
        .unwrap_or(u64::MAX);
    if size > max_size {
        bail!("{size} bytes, more than --max-file-size ({max_size})");
    }
    git(top, &[OsStr::new("cat-file"), OsStr::new("blob"), &object])
}

/// Where a committed symlink at `link` (relative to the repository's top) leads, given
/// the path it holds: None when that leaves the repository or is absolute.
fn link_target(link: &Path, said: &[u8]) -> Option<PathBuf> {
    let said = Path::new(OsStr::from_bytes(trim_newline(said)));
    if said.is_absolute() {
        return None;
    }
    let mut out = PathBuf::new();
    for part in link
        .parent()
        .unwrap_or(Path::new(""))
        .join(said)
        .components()
    {
        match part {
            std::path::Component::Normal(p) => out.push(p),
            std::path::Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            std::path::Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

/// The file a committed symlink leads to at `commit`, through at most 8 links: None when
/// a link leaves the repository, leads nowhere, or the links go on (a loop).
fn follow(top: &Path, commit: &str, link: &Path) -> Result<Option<PathBuf>> {
    let mut at = link.to_path_buf();
    for _ in 0..8 {
        let said = blob(top, commit, &at, 4096)?;
        let Some(next) = link_target(&at, &said) else {
            return Ok(None);
        };
        let list = [
            OsStr::new("ls-tree"),
            OsStr::new("-z"),
            OsStr::new(commit),
            OsStr::new("--"),
            next.as_os_str(),
        ];
        let entry = git(top, &list)?;
        if entry.starts_with(b"120000 ") {
            at = next;
            continue;
        }
        return Ok(entry.starts_with(b"100").then_some(next));
    }
    Ok(None)
}

/// The folder of the org a path was in at `rev`, and its org file: the nearest folder,
/// from the path's own up to the repository's top, with a `*.toml` file that declares
/// `[org]` at that revision. Like the search on disk, it reads the first
/// [`SEARCH_FILES`](super::org::SEARCH_FILES) files of a folder by name, each within
/// `max_size`. Both paths are given as `path` is (relative paths stay relative).
///
/// # Errors
/// Git failing, or the path outside a repository.
pub fn org_at(rev: &str, path: &Path, max_size: u64) -> Result<Option<(PathBuf, PathBuf)>> {
    let (top, commit, relative) = locate(rev, path)?;
    let given = crate::input::root::lexical(path);
    // The folder as given, and as the repository names it, walked up together.
    let mut shown = if path.is_dir() {
        given.clone()
    } else {
        given.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let mut at = if path.is_dir() {
        relative.clone()
    } else {
        relative.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    loop {
        let mut files: Vec<PathBuf> = tree(&top, &commit, &at, false)?
            .into_iter()
            .filter(|(f, link)| !link && f.extension().is_some_and(|e| e == "toml"))
            .map(|(f, _)| f)
            .collect();
        files.sort();
        files.truncate(super::org::SEARCH_FILES);
        let bound = max_size.min(super::org::SEARCH_PREFIX);
        for (file, text) in super::git_batch::small_blobs(&top, &commit, &files, bound)? {
            if super::org::declares_org(&String::from_utf8_lossy(&text)) {
                let name = file.file_name().unwrap_or_default();
                return Ok(Some((shown.clone(), shown.join(name))));
            }
        }
        if at.as_os_str().is_empty() {
            return Ok(None);
        }
        at.pop();
        // `teams` goes up to `` (here), `` to `..`.
        if shown.as_os_str().is_empty() || shown.ends_with("..") {
            shown.push("..");
        } else {
            shown.pop();
        }
    }
}

fn trim_newline(bytes: &[u8]) -> &[u8] {
    bytes.strip_suffix(b"\n").unwrap_or(bytes)
}

//! Where a target may be: its folder inside the root, and never in a `.git` folder.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use super::file::folder;
use crate::input::root::{Root, lexical};
use crate::render::escape::path as shown;

/// The folder the target goes in must lie inside the root when a symlink on the way
/// leads elsewhere; for a new file (`Create`), missing folders are made after that check.
pub(super) fn check_folder(path: &Path, root: &Root, create: bool) -> Result<()> {
    let (parent, existing, canonical) = folder_on_disk(path);
    if canonical != existing && !root.contains(&canonical) {
        bail!(
            "{} is in a folder that is a symlink to {}, outside {}; write to a path inside it",
            shown(path),
            shown(&canonical),
            shown(root.dir())
        );
    }
    if create && existing != parent {
        std::fs::create_dir_all(&parent)
            .with_context(|| format!("cannot create {}", shown(&parent)))?;
    }
    Ok(())
}

/// A repository's own files (a checkout's config may hold a CI token) are never written,
/// nor read for `--check`'s diff, whether named or reached through a symlink.
pub(super) fn refuse_git(path: &Path, resolved: &Path, is_link: bool) -> Result<()> {
    // The folder as the system finds it: a symlinked folder on the way may lead into `.git`.
    let (_, _, canonical) = folder_on_disk(path);
    if [lexical(path).as_path(), resolved, canonical.as_path()]
        .iter()
        .any(|p| p.components().any(|c| c.as_os_str() == ".git"))
    {
        bail!(
            "{} is inside a .git folder{}; refusing to write (or compare) there",
            shown(path),
            if is_link { ", through a symlink" } else { "" }
        );
    }
    Ok(())
}

/// The folder `path` goes in (lexically), its nearest part that exists, and where that
/// part really is (symlinks on the way followed).
fn folder_on_disk(path: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let parent = folder(&lexical(path)).to_path_buf();
    let existing = parent
        .ancestors()
        .find(|a| a.exists())
        .unwrap_or(Path::new("/"))
        .to_path_buf();
    let canonical = std::fs::canonicalize(&existing).unwrap_or_else(|_| existing.clone());
    (parent, existing, canonical)
}

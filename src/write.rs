//! Writing files atomically: a temporary file beside the target, then a rename, so a crash
//! never leaves half a file.

use std::io::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result, bail};

/// Replace (or create) `path` with `contents` atomically, keeping an existing file's
/// permissions. A read-only target is refused rather than silently replaced.
///
/// # Errors
/// The target is read-only or a directory, or the folder is not writable.
pub fn atomic_write(path: &Path, contents: &[u8]) -> Result<()> {
    let existing = std::fs::metadata(path).ok();
    if let Some(meta) = &existing {
        if meta.is_dir() {
            bail!("{} is a directory", path.display());
        }
        if meta.permissions().readonly() {
            bail!(
                "{} is read-only; make it writable or choose another file",
                path.display()
            );
        }
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".teamplan-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    tmp.write_all(contents)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    if let Some(meta) = existing {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(path)
        .with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(())
}

//! Every file teamplan writes goes through [`write`]: `--output`, `--inject`, `report
//! --output`, `init`. A regular file is replaced atomically (a hidden, randomly named
//! temporary file beside it, then a rename), so a crash never leaves half a file; and a
//! write never lands where it should not:
//!
//! - not on a file this run reads (an output onto its own input);
//! - not on a file that changed since an in-place edit read it;
//! - not through a symlink, at or inside the target, that leads outside the root;
//! - not on a file with several hard links or another owner, unless `--force` (which
//!   writes it in place, keeping its links);
//! - a device or FIFO is written to directly, never renamed over, and a FIFO nobody reads
//!   is an error, not a hang.
//!
//! An existing file keeps its mode; a new one gets the user's umask.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{Read as _, Write as _};
use std::os::unix::fs::{MetadataExt as _, OpenOptionsExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use crate::input::root::{Root, resolve};
use crate::render::escape::path as shown;

/// What a write may do, beyond the target's path.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// `--root DIR`: where symlinks at or inside the target may lead.
    pub root: Option<&'a Path>,
    /// `--force`: write a file with several links or another owner in place, and let
    /// `init` replace a file.
    pub force: bool,
    /// The files this run read: never written.
    pub inputs: &'a [PathBuf],
}

/// The kind of change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change<'a> {
    /// A new file (`init`): refused where anything exists, a dangling symlink included,
    /// unless `--force`. Of several runs at once, exactly one creates it.
    Create,
    /// Replace the file, or create it (`--output`).
    Replace,
    /// Edit in place (`--inject`): the file must still hold exactly what the edit read.
    Edit { read: &'a [u8] },
}

/// Write `contents` to `path` (see the module's rules).
///
/// # Errors
/// Any refusal above, with what to do instead, or the write failing.
pub fn write(
    path: &Path,
    contents: &[u8],
    change: Change<'_>,
    options: &Options<'_>,
) -> Result<()> {
    write_with(path, change, options, &mut |w| w.write_all(contents))
}

/// What writes a file's contents, piece by piece.
pub type Produce<'p> = dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()> + 'p;

/// [`write`], with the contents written by `produce` as they are made (a big report is
/// never held whole in memory).
///
/// # Errors
/// Any refusal of [`write`], or the write failing.
pub fn write_with(
    path: &Path,
    change: Change<'_>,
    options: &Options<'_>,
    contents: &mut Produce<'_>,
) -> Result<()> {
    // A device or FIFO named on the command line, perhaps through a link (`/dev/stdout`),
    // is a stream: written to, never replaced.
    if let Ok(meta) = path.metadata() {
        if !meta.is_file() && !meta.is_dir() {
            return write_stream(path, path, &meta, contents);
        }
        if meta.is_file() && names_a_stream(path) {
            // `--output /dev/stdout > file`: the shell opened the file; add to it.
            return append(path, contents);
        }
    }
    let root = Root::for_path(path, options.root);
    let link = path.symlink_metadata().ok();
    // A symlink inside the target's path (a linked folder) must stay in the root too.
    if let Some(parent) = resolve(path).and_then(|p| p.parent().map(Path::to_path_buf)) {
        let lexical = std::path::absolute(path)
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf));
        if lexical.as_deref() != Some(parent.as_path()) && !root.contains(&parent) {
            bail!(
                "{} is inside a symlinked folder that leads to {}, outside {}; write to a path inside it",
                shown(path),
                shown(&parent),
                shown(root.dir())
            );
        }
    }
    let target = match &link {
        Some(meta) if meta.file_type().is_symlink() => {
            let Ok(resolved) = std::fs::canonicalize(path) else {
                if change == Change::Create && options.force {
                    // --force replaces a dangling link with the file, never following it.
                    return atomic(path, contents, None, false);
                }
                bail!(
                    "{} is a symlink to a file that does not exist; remove it{}",
                    shown(path),
                    if change == Change::Create {
                        ", or pass --force to replace the link"
                    } else {
                        ""
                    }
                );
            };
            if change == Change::Create && !options.force {
                bail!(
                    "{} is a symlink; pass --force to write through it",
                    shown(path)
                );
            }
            if !root.contains(&resolved) {
                bail!(
                    "{} is a symlink to {}, outside {}; refusing to write there",
                    shown(path),
                    shown(&resolved),
                    shown(root.dir())
                );
            }
            resolved
        }
        _ => path.to_path_buf(),
    };
    let existing = target.metadata().ok();
    let Some(meta) = existing else {
        if let Change::Edit { .. } = change {
            bail!("{} was removed since it was read", shown(path));
        }
        return atomic(&target, contents, None, change == Change::Create);
    };
    let kind = meta.file_type();
    if kind.is_dir() {
        bail!("{} is a directory", shown(path));
    }
    if !kind.is_file() {
        return write_stream(path, &target, &meta, contents);
    }
    if change == Change::Create && !options.force {
        bail!(
            "{} already exists; pass --force to overwrite it",
            shown(path)
        );
    }
    if let Some(input) = options
        .inputs
        .iter()
        .find(|i| i.metadata().is_ok_and(|m| same_file(&m, &meta)))
    {
        bail!(
            "{} is {}, an input of this run; write the output to another file",
            shown(path),
            shown(input)
        );
    }
    if meta.permissions().readonly() {
        bail!(
            "{} is read-only; make it writable or choose another file",
            shown(path)
        );
    }
    if let Change::Edit { read } = change {
        if !still_holds(&target, read)? {
            bail!(
                "{} changed since it was read (saved by an editor?); run the command again",
                shown(path)
            );
        }
    }
    let shared = meta.nlink() > 1 || !owned_by_us(&target, &meta);
    if shared {
        if !options.force {
            bail!(
                "{} has {} or belongs to another user: replacing it would break that; pass --force to write it in place",
                shown(path),
                if meta.nlink() > 1 {
                    format!("{} hard links", meta.nlink())
                } else {
                    "one link".to_owned()
                }
            );
        }
        return in_place(&target, contents);
    }
    atomic(&target, contents, Some(&meta), false)
}

/// Send a command's output to stdout and return its exit code, which a reader that stops
/// early (`teamplan check teams/ | head`) does not change: a broken pipe is not an error.
///
/// # Errors
/// Writing failed for another reason.
pub fn emit(out: &mut dyn std::io::Write, text: &[u8], code: u8) -> std::io::Result<u8> {
    match out.write_all(text).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(code),
        other => other.map(|()| code),
    }
}

/// `/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`: names of this process's own streams.
fn names_a_stream(path: &Path) -> bool {
    ["/dev/", "/proc/self/fd/"]
        .iter()
        .any(|p| path.starts_with(p))
}

fn append(path: &Path, contents: &mut Produce<'_>) -> Result<()> {
    OpenOptions::new()
        .append(true)
        .open(path)
        .and_then(|f| produce_into(f, contents))
        .with_context(|| format!("cannot write {}", shown(path)))
}

/// Run `contents` into a buffered `file`, then flush it.
fn produce_into(file: File, contents: &mut Produce<'_>) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, file);
    contents(&mut out)?;
    out.flush()
}

fn same_file(a: &Metadata, b: &Metadata) -> bool {
    a.dev() == b.dev() && a.ino() == b.ino()
}

/// Whether the file belongs to the user running teamplan: the owner of a file this process
/// creates beside it.
fn owned_by_us(target: &Path, meta: &Metadata) -> bool {
    let probe = tempfile::Builder::new()
        .prefix(".teamplan-")
        .tempfile_in(folder(target));
    probe
        .ok()
        .and_then(|p| p.as_file().metadata().ok())
        .is_none_or(|ours| ours.uid() == meta.uid())
}

/// Whether `path` still holds exactly `read` (reading at most one byte more).
fn still_holds(path: &Path, read: &[u8]) -> Result<bool> {
    let mut now = Vec::with_capacity(read.len() + 1);
    File::open(path)
        .and_then(|f| f.take(read.len() as u64 + 1).read_to_end(&mut now))
        .with_context(|| format!("cannot read {} again", shown(path)))?;
    Ok(now == read)
}

fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Write through a temporary file beside `target`, renamed over it; `keep` is the mode of
/// the file replaced. With `exclusive`, an existing target (even created meanwhile by
/// another run) is left alone and the write fails.
fn atomic(
    target: &Path,
    contents: &mut Produce<'_>,
    keep: Option<&Metadata>,
    exclusive: bool,
) -> Result<()> {
    let dir = folder(target);
    let tmp = tempfile::Builder::new()
        .prefix(".teamplan-")
        .suffix(".tmp")
        // The mode a new file gets from `open(2)`: 0666 less the umask.
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", shown(dir)))?;
    tmp.as_file()
        .try_clone()
        .and_then(|f| produce_into(f, contents))
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", shown(target)))?;
    if let Some(meta) = keep {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    if exclusive {
        tmp.persist_noclobber(target).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                anyhow::anyhow!(
                    "{} already exists; pass --force to overwrite it",
                    shown(target)
                )
            } else {
                anyhow::Error::new(e.error).context(format!("cannot create {}", shown(target)))
            }
        })?;
    } else {
        tmp.persist(target)
            .with_context(|| format!("cannot replace {}", shown(target)))?;
    }
    Ok(())
}

/// Truncate and write the file itself (its inode, links and owner stay).
fn in_place(target: &Path, contents: &mut Produce<'_>) -> Result<()> {
    let file = OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(target)
        .with_context(|| format!("cannot open {}", shown(target)))?;
    let sync = file.try_clone();
    produce_into(file, contents)
        .and_then(|()| sync.and_then(|f| f.sync_all()))
        .with_context(|| format!("cannot write {}", shown(target)))
}

/// A device, FIFO or socket named on the command line: written to directly. A FIFO is
/// opened without waiting, so one nobody reads is an error rather than a hang.
fn write_stream(
    path: &Path,
    target: &Path,
    meta: &Metadata,
    contents: &mut Produce<'_>,
) -> Result<()> {
    use std::os::unix::fs::FileTypeExt as _;
    let kind = meta.file_type();
    if kind.is_fifo() {
        // Fails at once (ENXIO) when no process has the FIFO open for reading.
        OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(target)
            .with_context(|| format!("{} is a FIFO nobody is reading", shown(path)))?;
    } else if !kind.is_char_device() {
        bail!("{} is not a regular file, a device or a FIFO", shown(path));
    }
    let stream = OpenOptions::new()
        .write(true)
        .open(target)
        .with_context(|| format!("cannot open {}", shown(path)))?;
    produce_into(stream, contents).with_context(|| format!("cannot write {}", shown(path)))
}

#[cfg(test)]
mod tests {
    use super::{Change, Options, write};

    #[test]
    fn an_edit_is_refused_when_the_file_changed_since_it_was_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("TEAM.md");
        std::fs::write(&path, "as read\n").expect("write");
        // An editor saves the file between the read and the write.
        std::fs::write(&path, "saved meanwhile\n").expect("write");
        let edit = Change::Edit { read: b"as read\n" };
        let err = write(&path, b"new\n", edit, &Options::default()).expect_err("refused");
        assert!(
            err.to_string().contains("changed since it was read"),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "saved meanwhile\n"
        );
        let edit = Change::Edit {
            read: b"saved meanwhile\n",
        };
        write(&path, b"new\n", edit, &Options::default()).expect("unchanged: written");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new\n");
    }
}

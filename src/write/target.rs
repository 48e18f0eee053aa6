//! Where a write goes, checked before anything is read or written: [`prepare`] refuses
//! what must not be written, and the [`Target`] it returns is the only way to write.

use std::fs::Metadata;
use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use super::file::{Produce, append, atomic, folder, in_place, our_uid, still_holds, stream};
use super::folders::{check_folder, refuse_git};
use crate::input::read_source;
use crate::input::root::Root;
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
    /// A new file (`init`), its folders created as needed: refused where anything exists,
    /// a dangling symlink included, unless `--force`. Of several runs at once, exactly one
    /// creates it.
    Create,
    /// Replace the file, or create it (`--output`).
    Replace,
    /// Edit in place (`--inject`): the file must still hold exactly what the edit read.
    Edit { read: &'a [u8] },
}

/// A place to write that passed every check.
#[derive(Debug)]
pub struct Target {
    /// The path as given, for messages.
    given: PathBuf,
    to: To,
}

#[derive(Debug)]
enum To {
    /// A device or FIFO: written to directly.
    Stream { path: PathBuf, fifo: bool },
    /// A regular file this process was given by a stream name (`/dev/stdout > file`).
    Append(PathBuf),
    /// A regular file, new or replaced; `in_place` for one with several links or another
    /// owner (with `--force`).
    File {
        path: PathBuf,
        existing: Option<Metadata>,
        in_place: bool,
        exclusive: bool,
    },
}

/// Write `contents` to `path` (see the module's rules).
///
/// # Errors
/// Any refusal of [`prepare`], or the write failing.
pub fn write(
    path: &Path,
    contents: &[u8],
    change: Change<'_>,
    options: &Options<'_>,
) -> Result<()> {
    prepare(path, change, options)?.write(change, &mut |w| w.write_all(contents))
}

/// [`write`], with the contents written by `produce` as they are made (a big report is
/// never held whole in memory).
///
/// # Errors
/// Any refusal of [`prepare`], or the write failing.
pub fn write_with(
    path: &Path,
    change: Change<'_>,
    options: &Options<'_>,
    contents: &mut Produce<'_>,
) -> Result<()> {
    prepare(path, change, options)?.write(change, contents)
}

/// Check where `path` leads and what is there, before anything is read or written. For an
/// edit, only the kind of `change` counts here; the bytes it read are for [`Target::write`].
///
/// # Errors
/// Every refusal of the module's rules, with what to do instead.
pub fn prepare(path: &Path, change: Change<'_>, options: &Options<'_>) -> Result<Target> {
    let given = path.to_path_buf();
    if names_own_stream(path) {
        let meta = path
            .metadata()
            .with_context(|| format!("cannot open {}", shown(path)))?;
        if meta.is_file() {
            refuse_input(path, &meta, options)?;
            let to = To::Append(path.to_path_buf());
            return Ok(Target { given, to });
        }
        let fifo = meta.file_type().is_fifo();
        let to = To::Stream {
            path: path.to_path_buf(),
            fifo,
        };
        return Ok(Target { given, to });
    }
    let root = Root::for_path(path, options.root);
    check_folder(path, &root, change == Change::Create)?;
    let link = path.symlink_metadata().ok();
    let is_link = link.as_ref().is_some_and(|m| m.file_type().is_symlink());
    let resolved = if is_link {
        if let Ok(resolved) = std::fs::canonicalize(path) {
            if !root.contains(&resolved) {
                bail!(
                    "{} is a symlink to {}, outside {}; refusing to write there",
                    shown(path),
                    shown(&resolved),
                    shown(root.dir())
                );
            }
            if change == Change::Create && !options.force {
                bail!(
                    "{} is a symlink; pass --force to write through it",
                    shown(path)
                );
            }
            resolved
        } else if change == Change::Create && options.force {
            // --force replaces a dangling link with the file, never following it.
            let to = To::File {
                path: path.to_path_buf(),
                existing: None,
                in_place: false,
                exclusive: false,
            };
            return Ok(Target { given, to });
        } else {
            bail!(
                "{} is a symlink to a file that does not exist; remove it{}",
                shown(path),
                if change == Change::Create {
                    ", or pass --force to replace the link"
                } else {
                    ""
                }
            );
        }
    } else {
        path.to_path_buf()
    };
    refuse_git(path, &resolved, is_link)?;
    let Some(meta) = resolved.metadata().ok() else {
        if let Change::Edit { .. } = change {
            bail!(
                "{} does not exist; --inject edits a file that has the markers",
                shown(path)
            );
        }
        let to = To::File {
            path: resolved,
            existing: None,
            in_place: false,
            exclusive: change == Change::Create && !options.force,
        };
        return Ok(Target { given, to });
    };
    let kind = meta.file_type();
    if kind.is_dir() {
        bail!("{} is a directory", shown(path));
    }
    if !kind.is_file() {
        if !(kind.is_fifo() || kind.is_char_device()) {
            bail!("{} is not a regular file, a device or a FIFO", shown(path));
        }
        let fifo = kind.is_fifo();
        let to = To::Stream {
            path: resolved,
            fifo,
        };
        return Ok(Target { given, to });
    }
    if change == Change::Create && !options.force {
        bail!(
            "{} already exists; pass --force to overwrite it",
            shown(path)
        );
    }
    refuse_input(path, &meta, options)?;
    if meta.permissions().readonly() {
        bail!(
            "{} is read-only; make it writable or choose another file",
            shown(path)
        );
    }
    let another_owner = our_uid(folder(&resolved)).is_some_and(|uid| uid != meta.uid());
    let shared = meta.nlink() > 1 || another_owner;
    if shared && !options.force {
        bail!(
            "{} {}: replacing it would break that; pass --force to write it in place",
            shown(path),
            if meta.nlink() > 1 {
                format!("has {} hard links", meta.nlink())
            } else {
                "belongs to another user".to_owned()
            }
        );
    }
    let to = To::File {
        path: resolved,
        existing: Some(meta),
        in_place: shared,
        exclusive: false,
    };
    Ok(Target { given, to })
}

impl Target {
    /// What the target holds now, within `max_size` bytes: the text of a regular file that
    /// exists (with its byte-order mark, if it has one), else None (a new file, a device, a
    /// FIFO: never read).
    ///
    /// # Errors
    /// The file cannot be read as text within the limit.
    pub fn current(&self, max_size: u64) -> Result<Option<String>> {
        match &self.to {
            To::File {
                path,
                existing: Some(_),
                ..
            } => {
                let source = read_source(path, max_size)
                    .map_err(|f| anyhow::anyhow!("{} ({})", f.message, f.help))?;
                // The reader drops a byte-order mark; an edit keeps it where it was.
                let mut head = [0; 3];
                let bom = std::fs::File::open(path)
                    .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
                    .is_ok()
                    && head == *b"\xef\xbb\xbf";
                Ok(Some(if bom {
                    format!("\u{feff}{}", source.text)
                } else {
                    source.text.clone()
                }))
            }
            _ => Ok(None),
        }
    }

    /// Whether the target is a regular file (an existing one, or one to create).
    #[must_use]
    pub fn is_file(&self) -> bool {
        matches!(self.to, To::File { .. })
    }

    /// Write `contents` there.
    ///
    /// # Errors
    /// An edit's file changed since it was read, or the write failed.
    pub fn write(&self, change: Change<'_>, contents: &mut Produce<'_>) -> Result<()> {
        let given = &self.given;
        match &self.to {
            To::Stream { path, fifo } => stream(path, *fifo, contents),
            To::Append(path) => append(path, contents),
            To::File {
                path,
                existing,
                in_place: shared,
                exclusive,
            } => {
                let still_ok = || match change {
                    Change::Edit { read } if !still_holds(path, read)? => bail!(
                        "{} changed since it was read (saved by an editor?); run the command again",
                        shown(given)
                    ),
                    _ => Ok(()),
                };
                if *shared {
                    in_place(path, contents, &still_ok)
                } else {
                    atomic(path, contents, existing.as_ref(), *exclusive, &still_ok)
                }
            }
        }
    }
}

/// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`: this process's own
/// streams, by name (nothing else under `/dev` or `/proc`).
fn names_own_stream(path: &Path) -> bool {
    let Some(text) = path.to_str() else {
        return false;
    };
    let numbered = |prefix: &str| {
        text.strip_prefix(prefix)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    matches!(text, "/dev/stdout" | "/dev/stderr")
        || numbered("/dev/fd/")
        || numbered("/proc/self/fd/")
}

/// Refuse a file that is one of the run's inputs (by inode: a link or another name is the
/// same file).
fn refuse_input(path: &Path, meta: &Metadata, options: &Options<'_>) -> Result<()> {
    let same = |m: &Metadata| m.dev() == meta.dev() && m.ino() == meta.ino();
    if let Some(input) = options
        .inputs
        .iter()
        .find(|i| i.metadata().is_ok_and(|m| same(&m)))
    {
        let what = if input.as_path() == path {
            "an input of this run".to_owned()
        } else {
            format!("{}, an input of this run", shown(input))
        };
        bail!(
            "{} is {what}; write the output to another file",
            shown(path)
        );
    }
    Ok(())
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

    #[test]
    fn only_this_process_streams_are_streams_by_name() {
        use std::path::Path;
        for name in ["/dev/stdout", "/dev/stderr", "/dev/fd/1", "/proc/self/fd/2"] {
            assert!(super::names_own_stream(Path::new(name)), "{name}");
        }
        for name in [
            "/dev/shm/x",
            "/dev/../tmp/x",
            "/dev/fd/",
            "/proc/self/fd/1/x",
            "/dev",
        ] {
            assert!(!super::names_own_stream(Path::new(name)), "{name}");
        }
    }
}

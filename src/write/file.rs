//! The ways bytes reach a file once a target passed its checks: atomically through a
//! temporary file, in place, appended, or streamed to a device or FIFO.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{Read as _, Write as _};
use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};

use crate::render::escape::path as shown;

/// What writes a file's contents, piece by piece.
pub type Produce<'p> = dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()> + 'p;

/// The prefix of every file teamplan creates beside a target (hidden: never searched).
const TEMP_PREFIX: &str = ".teamplan-";
const TEMP_SUFFIX: &str = ".tmp";

/// A FIFO whose reader takes nothing for this long is given up on.
const STALLED: Duration = Duration::from_secs(10);

pub(super) fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A temporary file beside `target`, created with mode 0666 less the umask.
fn temporary(target: &Path) -> Result<tempfile::NamedTempFile> {
    let dir = folder(target);
    if !dir.is_dir() {
        anyhow::bail!(
            "cannot write {}: the folder {} does not exist; create it first (mkdir -p {})",
            shown(target),
            shown(dir),
            shown(dir)
        );
    }
    tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", shown(dir)))
}

/// The owner (uid) a new file of this process gets in `dir`.
pub(super) fn our_uid(dir: &Path) -> Option<u32> {
    use std::os::unix::fs::MetadataExt as _;
    let probe = temporary(&dir.join("probe")).ok()?;
    probe.as_file().metadata().ok().map(|m| m.uid())
}

/// Whether `path` still holds exactly `read` (reading at most a few bytes more). A file
/// that starts with a byte-order mark still holds what was read without it.
pub(super) fn still_holds(path: &Path, read: &[u8]) -> Result<bool> {
    const BOM: &[u8] = b"\xef\xbb\xbf";
    let mut now = Vec::with_capacity(read.len() + BOM.len() + 1);
    File::open(path)
        .and_then(|f| {
            f.take((read.len() + BOM.len()) as u64 + 1)
                .read_to_end(&mut now)
        })
        .with_context(|| format!("cannot read {} again", shown(path)))?;
    Ok(now == read || now.strip_prefix(BOM) == Some(read) || read.strip_prefix(BOM) == Some(&now))
}

/// Run `contents` into a buffered `file`, then flush it.
fn produce_into(file: File, contents: &mut Produce<'_>) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, file);
    contents(&mut out)?;
    out.flush()
}

/// Write through a temporary file beside `target`, then rename it over the target. `keep`
/// is the mode of the file replaced. `still_ok` runs after the temporary file is written
/// and synced, right before the rename: an edit refuses there if the file changed. With
/// `exclusive`, an existing target (even one created meanwhile by another run) is left
/// alone and the write fails.
pub(super) fn atomic(
    target: &Path,
    contents: &mut Produce<'_>,
    keep: Option<&Metadata>,
    exclusive: bool,
    still_ok: &dyn Fn() -> Result<()>,
) -> Result<()> {
    let tmp = temporary(target)?;
    tmp.as_file()
        .try_clone()
        .and_then(|f| produce_into(f, contents))
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", shown(target)))?;
    if let Some(meta) = keep {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    still_ok()?;
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
pub(super) fn in_place(
    target: &Path,
    contents: &mut Produce<'_>,
    still_ok: &dyn Fn() -> Result<()>,
) -> Result<()> {
    still_ok()?;
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

/// Add to the end of a file this process was given as a stream name (`--output
/// /dev/stdout > file`: the shell opened the file).
pub(super) fn append(path: &Path, contents: &mut Produce<'_>) -> Result<()> {
    OpenOptions::new()
        .append(true)
        .open(path)
        .and_then(|f| produce_into(f, contents))
        .with_context(|| format!("cannot write {}", shown(path)))
}

/// A device or FIFO: written to directly. A FIFO is opened and written without waiting:
/// one nobody reads is an error at once, and one whose reader stops taking bytes is given
/// up after [`STALLED`], rather than a hang.
pub(super) fn stream(path: &Path, fifo: bool, contents: &mut Produce<'_>) -> Result<()> {
    if !fifo {
        let device = OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(|| format!("cannot open {}", shown(path)))?;
        return produce_into(device, contents)
            .with_context(|| format!("cannot write {}", shown(path)));
    }
    // Fails at once (ENXIO) when no process has the FIFO open for reading.
    let pipe = OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .with_context(|| format!("{} is a FIFO nobody is reading", shown(path)))?;
    let mut patient = Patient {
        pipe,
        stalled_since: None,
    };
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, &mut patient);
    contents(&mut out)
        .and_then(|()| out.flush())
        .with_context(|| format!("cannot write {}", shown(path)))
}

/// A non-blocking pipe written to with patience: a full pipe is waited on, for a while.
struct Patient {
    pipe: File,
    stalled_since: Option<Instant>,
}

impl std::io::Write for Patient {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        loop {
            match self.pipe.write(buf) {
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    let since = *self.stalled_since.get_or_insert_with(Instant::now);
                    if since.elapsed() > STALLED {
                        return Err(std::io::Error::new(
                            std::io::ErrorKind::TimedOut,
                            "the FIFO's reader stopped reading",
                        ));
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
                other => {
                    self.stalled_since = None;
                    return other;
                }
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.pipe.flush()
    }
}

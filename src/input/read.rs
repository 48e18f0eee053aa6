//! Reading files as text, bounded by `--max-file-size`, refusing what is not a regular file.

use std::io::Read as _;
use std::path::Path;
use std::sync::Arc;

use crate::diag::finding::Finding;
use crate::diag::rule::Rule;
use crate::diag::source::SourceFile;

/// Files larger than this are refused unless `--max-file-size` says otherwise.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// Read a file as UTF-8 text, refusing directories, special files (FIFOs, devices, sockets),
/// oversized files and invalid bytes with a finding that says where and why.
///
/// Memory stays bounded by `max_size`: the size is checked from metadata before the file is
/// opened, and the read itself stops one byte past the limit in case the file grows.
pub fn read_source(path: &Path, max_size: u64) -> Result<Arc<SourceFile>, Box<Finding>> {
    let display = path.display().to_string();
    let fail = |message: String, help: &str| {
        Box::new(Finding::without_source(
            Rule::ParseError,
            display.clone(),
            message,
            help,
        ))
    };
    let meta = std::fs::metadata(path).map_err(|e| {
        if let Some(target) = dangling_target(path, &e) {
            return fail(
                format!(
                    "cannot read {display}: it is a symlink to {}, which does not exist",
                    target.display()
                ),
                "fix or remove the symlink",
            );
        }
        fail(
            format!("cannot read {display}: {}", io_reason(&e)),
            "check the path exists and is readable",
        )
    })?;
    if meta.is_dir() {
        // Folders are searched for `*.toml`; one reaches here only when nothing was found.
        return Err(fail(
            format!("{display} is a folder, not a team or catalog file"),
            "`teamplan check` searches a folder for *.toml files and found none in this one (hidden folders, `target/`, `node_modules/` and --exclude matches are skipped)",
        ));
    }
    if !meta.is_file() {
        // Opening a FIFO blocks until a writer comes, and a device may never end: refuse
        // before opening.
        return Err(fail(
            format!(
                "{display} is not a regular file (it is a {})",
                special_kind(&meta)
            ),
            "point teamplan at a team file saved on disk",
        ));
    }
    if meta.len() > max_size {
        return Err(fail(
            format!(
                "{display} is {} bytes, over the {max_size}-byte limit",
                meta.len()
            ),
            "team files are small; raise the limit with --max-file-size BYTES if this is intended",
        ));
    }
    let bytes = read_at_most(path, max_size, meta.len()).map_err(|e| {
        fail(
            format!("cannot read {display}: {}", io_reason(&e)),
            "check the file is readable",
        )
    })?;
    if bytes.len() as u64 > max_size {
        return Err(fail(
            format!("{display} grew past the {max_size}-byte limit while being read"),
            "raise the limit with --max-file-size BYTES if this is intended",
        ));
    }
    text_source(path, bytes)
}

/// Read up to `max_size + 1` bytes: one more than allowed tells that the file is too big
/// without reading all of it.
fn read_at_most(path: &Path, max_size: u64, expected: u64) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let capacity = usize::try_from(expected.min(max_size)).unwrap_or(0);
    let mut bytes = Vec::new();
    // A raised --max-file-size must not turn a big file into an abort: out of memory is an
    // error like any other.
    bytes.try_reserve_exact(capacity).map_err(|_| {
        std::io::Error::new(
            std::io::ErrorKind::OutOfMemory,
            format!("not enough memory to read {expected} bytes"),
        )
    })?;
    file.take(max_size.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The target of a symlink whose target is missing (the cause of a `NotFound`).
fn dangling_target(path: &Path, e: &std::io::Error) -> Option<std::path::PathBuf> {
    if e.kind() != std::io::ErrorKind::NotFound {
        return None;
    }
    let link = std::fs::symlink_metadata(path).ok()?;
    if !link.file_type().is_symlink() {
        return None;
    }
    std::fs::read_link(path).ok()
}

#[cfg(unix)]
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    let t = meta.file_type();
    if t.is_fifo() {
        "named pipe (FIFO)"
    } else if t.is_socket() {
        "socket"
    } else if t.is_char_device() || t.is_block_device() {
        "device"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_meta: &std::fs::Metadata) -> &'static str {
    "special file"
}

/// Turn bytes into a source file, reporting the position of the first invalid UTF-8 byte.
pub fn text_source(path: &Path, bytes: Vec<u8>) -> Result<Arc<SourceFile>, Box<Finding>> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                // Editors do not count the BOM as a column: drop it so positions match.
                text.drain(..'\u{feff}'.len_utf8());
            }
            Ok(Arc::new(SourceFile::new(path, text)))
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix =
                String::from_utf8_lossy(bytes.get(..valid).unwrap_or_default()).into_owned();
            let pos = SourceFile::new(path, prefix).position(valid);
            let bad = bytes.get(valid).copied().unwrap_or_default();
            let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
            let mut f = Finding::without_source(
                Rule::ParseError,
                path.display().to_string(),
                format!(
                    "invalid UTF-8: byte 0x{bad:02x} at line {}, column {}",
                    pos.line, pos.column
                ),
                if utf16 {
                    "the file looks like UTF-16; save it as UTF-8"
                } else {
                    "save the file as UTF-8 (an editor's \"reopen with encoding\" shows the text)"
                },
            );
            f.line = pos.line;
            f.column = pos.column;
            Err(Box::new(f))
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file (or a dangling symlink)".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_stop_one_byte_past_the_limit() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("t.toml");
        std::fs::write(&path, [b'#'; 100]).expect("write");
        // Metadata said 5 bytes (the file grew since): the read still stops at 11.
        let bytes = super::read_at_most(&path, 10, 5).expect("read");
        assert_eq!(bytes.len(), 11);
        assert!(super::read_source(&path, 10).is_err());
        assert!(super::read_source(&path, 100).is_ok());
    }

    #[test]
    fn a_bom_is_not_a_column() {
        let source = super::text_source(
            std::path::Path::new("t.toml"),
            b"\xef\xbb\xbf[team]\nx = 1".to_vec(),
        )
        .expect("utf-8");
        assert!(source.text.starts_with("[team]"));
        assert_eq!(source.position(1).column, 2);
    }
}

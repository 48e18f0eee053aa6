//! Many files of one git revision read by two git processes (`cat-file --batch-check`,
//! then `--batch`), not two per file.

use std::os::unix::ffi::OsStrExt as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};

/// The texts of `files` at `commit` that are at most `max_size` bytes, in order, read by
/// two git processes whatever their number (one per file would let a folder of thousands
/// of files tie CI up). A name holding a newline cannot be asked for this way and is left
/// out; so is a file bigger than `max_size` (the search on disk reads the first
/// [`SEARCH_PREFIX`](super::org::SEARCH_PREFIX) bytes of any, an org file is far smaller).
pub(super) fn small_blobs(
    top: &Path,
    commit: &str,
    files: &[PathBuf],
    max_size: u64,
) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let files: Vec<&PathBuf> = files
        .iter()
        .filter(|f| !f.as_os_str().as_bytes().contains(&b'\n'))
        .collect();
    let mut asked = Vec::new();
    for f in &files {
        asked.extend_from_slice(commit.as_bytes());
        asked.push(b':');
        asked.extend_from_slice(f.as_os_str().as_bytes());
        asked.push(b'\n');
    }
    // `OID blob SIZE` or `NAME missing`, a line per file asked.
    let sizes = batch(top, "--batch-check", asked)?;
    let mut wanted = Vec::new();
    let mut oids = Vec::new();
    for (file, line) in files.iter().zip(sizes.split(|&b| b == b'\n')) {
        let parts: Vec<&[u8]> = line.split(|&b| b == b' ').collect();
        if let [oid, b"blob", size] = parts.as_slice() {
            let size: u64 = String::from_utf8_lossy(size).parse().unwrap_or(u64::MAX);
            if size <= max_size {
                wanted.push((*file).clone());
                oids.extend_from_slice(oid);
                oids.push(b'\n');
            }
        }
    }
    // Each: `OID blob SIZE`, a newline, SIZE bytes, a newline.
    let out = batch(top, "--batch", oids)?;
    let mut texts = Vec::with_capacity(wanted.len());
    let mut rest = out.as_slice();
    for file in wanted {
        let Some(end) = rest.iter().position(|&b| b == b'\n') else {
            break;
        };
        let size: usize = String::from_utf8_lossy(
            rest[..end]
                .rsplit(|&b| b == b' ')
                .next()
                .unwrap_or_default(),
        )
        .parse()
        .unwrap_or(usize::MAX);
        let Some(text) = rest.get(end + 1..end + 1 + size) else {
            break;
        };
        texts.push((file, text.to_vec()));
        rest = rest.get(end + 2 + size..).unwrap_or_default();
    }
    Ok(texts)
}

/// Run `git cat-file MODE` in `dir` with `input` on its standard input.
fn batch(dir: &Path, mode: &str, input: Vec<u8>) -> Result<Vec<u8>> {
    use std::io::Write as _;
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["cat-file", mode])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .context("cannot run git; is it installed?")?;
    // Written on its own thread: git answers while it reads, and a full pipe either way
    // would stop both.
    let stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            let _ = stdin.write_all(&input);
        }
    });
    let out = child.wait_with_output().context("git cat-file failed")?;
    let _ = writer.join();
    if !out.status.success() {
        bail!(
            "git cat-file failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(out.stdout)
}

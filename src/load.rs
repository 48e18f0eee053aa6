//! Reading files from disk and turning parser errors into findings with a position.

use std::io::Read as _;
use std::path::Path;
use std::sync::Arc;

use crate::finding::Finding;
use crate::rules::Rule;
use crate::source::{SourceFile, escape_for_display, shorten};
use crate::suggest;

/// Files larger than this are refused unless `--max-file-size` says otherwise.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// Parser messages longer than this are cut in the middle (they may quote the input).
const MAX_MESSAGE_CHARS: usize = 300;

/// Names longer than this get no "did you mean": no key is that long, and comparing a
/// megabyte-long name with every candidate is slow.
const MAX_SUGGEST_BYTES: usize = 128;

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
                    escape_for_display(&target.display().to_string())
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

/// A parse or shape error from `toml`/`serde` as a finding, with "did you mean" for unknown
/// keys and values.
pub fn toml_error(err: &toml::de::Error, source: &Arc<SourceFile>) -> Finding {
    let mut message = err.message().trim().to_owned();
    if message.starts_with("duplicate key") {
        if let Some(key) = err.span().and_then(|s| source.text.get(s)) {
            if key.len() < 80 && !key.contains('\n') {
                message = format!("duplicate key `{}`", key.trim());
            }
        }
    }
    let (message, help) = explain_serde_message(&message);
    // serde echoes bad values ("invalid type: string \"...\""): keep a 50 MB string out.
    Finding::new(
        Rule::ParseError,
        source,
        err.span().map(|s| source.char_span(&s)),
        shorten(&message, MAX_MESSAGE_CHARS),
        shorten(&help, MAX_MESSAGE_CHARS),
    )
}

/// serde's messages name the accepted keys; turn that list into a suggestion.
fn explain_serde_message(message: &str) -> (String, String) {
    for kind in ["unknown field", "unknown variant"] {
        let Some(rest) = message.strip_prefix(kind) else {
            continue;
        };
        // The name may itself contain ", expected ": the list follows the last one.
        let (got, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        let got = got.trim().trim_matches('`');
        // A key too long to be a typo of a short one: no suggestion (and no slow comparison).
        let suggest = got.len() <= MAX_SUGGEST_BYTES;
        let got = shorten(got, 60);
        let candidates: Vec<&str> = expected
            .trim_start_matches("one of ")
            .split(", ")
            .map(|s| s.trim_matches('`'))
            .filter(|s| !s.is_empty())
            .collect();
        let what = if kind == "unknown field" {
            "key"
        } else {
            "value"
        };
        let message = format!("unknown {what} `{got}`");
        let close = suggest
            .then(|| suggest::did_you_mean(&got, candidates.iter().copied()))
            .flatten();
        let help = match close {
            Some(s) => format!("did you mean `{s}`? expected {}", list(&candidates)),
            None if candidates.is_empty() => format!("remove `{got}`"),
            None => format!("expected {}", list(&candidates)),
        };
        return (message, help);
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((got, expected)) = rest.rsplit_once(", expected ") {
            let (what, example) = expected_type(expected);
            return (
                format!("invalid type: expected {what}, found {got}"),
                format!("write {what}, as in {example}"),
            );
        }
    }
    if message.contains("max recursion depth") {
        return (
            "nested too deep: the parser stops at this level".to_owned(),
            "a team file nests a few levels at most (tables holding lists of strings); remove the nesting".to_owned(),
        );
    }
    if message.starts_with("missing field") {
        let field = message
            .trim_start_matches("missing field")
            .trim()
            .trim_matches('`');
        return (message.to_owned(), format!("add `{field} = ...`"));
    }
    if message.starts_with("duplicate key") {
        return (
            message.to_owned(),
            "remove one of the two definitions".to_owned(),
        );
    }
    (
        message.to_owned(),
        "see the file format in the README".to_owned(),
    )
}

/// serde's name for an expected type, in the words of the file format, with an example.
fn expected_type(expected: &str) -> (&str, &'static str) {
    match expected {
        "f64" | "f32" | "a float" => ("a number", "`fte = 0.5`"),
        "a sequence" => ("a list", "`roles = [\"web-developer\", \"qa-tester\"]`"),
        "a string" => ("a string in quotes", "`name = \"Alice\"`"),
        "a boolean" => ("true or false", "`single = true`"),
        "usize" | "u64" | "u32" | "an integer" => ("a whole number", "`roles-per-person = 3`"),
        e if e.starts_with("struct ") || e == "a map" => {
            ("a table", "`[people.alice]` or `{ name = \"Alice\" }`")
        }
        e if e.starts_with("enum ") => ("one of the listed values", "`engagement = \"employee\"`"),
        other => (other, "the README's file format"),
    }
}

fn list(items: &[&str]) -> String {
    match items {
        [one] => format!("`{one}`"),
        _ => format!(
            "one of {}",
            items
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::explain_serde_message;

    #[test]
    fn unknown_field_gets_a_suggestion() {
        let (msg, help) =
            explain_serde_message("unknown field `nmae`, expected one of `name`, `roles`, `fte`");
        assert_eq!(msg, "unknown key `nmae`");
        assert!(help.starts_with("did you mean `name`?"), "{help}");
    }

    #[test]
    fn wrong_types_are_said_in_the_file_format_words() {
        let (msg, help) = explain_serde_message("invalid type: string \"full\", expected f64");
        assert_eq!(
            msg,
            "invalid type: expected a number, found string \"full\""
        );
        assert!(help.contains("`fte = 0.5`"), "{help}");
        let (msg, _) =
            explain_serde_message("invalid type: string \"x\", expected struct TeamSection");
        assert_eq!(msg, "invalid type: expected a table, found string \"x\"");
    }

    #[test]
    fn huge_names_are_cut_and_get_no_suggestion() {
        let key = "n".repeat(100_000);
        let (msg, help) = explain_serde_message(&format!(
            "unknown field `{key}`, expected one of `name`, `roles`"
        ));
        assert!(msg.len() < 200, "{}", msg.len());
        assert_eq!(help, "expected one of `name`, `roles`");
    }

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

    #[test]
    fn unknown_variant_lists_choices() {
        let (msg, help) = explain_serde_message(
            "unknown variant `freelancer`, expected one of `employee`, `contractor`, `agency`",
        );
        assert_eq!(msg, "unknown value `freelancer`");
        assert!(help.contains("`contractor`"), "{help}");
    }
}

//! Reading files from disk and turning parser errors into findings with a position.

use std::path::Path;
use std::sync::Arc;

use crate::finding::Finding;
use crate::rules::Rule;
use crate::source::SourceFile;
use crate::suggest;

/// Files larger than this are refused unless `--max-file-size` says otherwise.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// Read a file as UTF-8 text, refusing directories, oversized files and invalid bytes with a
/// finding that says where and why.
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
        fail(
            format!("cannot read {display}: {}", io_reason(&e)),
            "check the path exists and is readable",
        )
    })?;
    if meta.is_dir() {
        return Err(fail(
            format!("{display} is a directory, not a file"),
            "pass the folder itself to `teamplan check` to check the files inside it",
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
    let bytes = std::fs::read(path).map_err(|e| {
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

/// Turn bytes into a source file, reporting the position of the first invalid UTF-8 byte.
pub fn text_source(path: &Path, bytes: Vec<u8>) -> Result<Arc<SourceFile>, Box<Finding>> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                // Keep byte offsets: the BOM becomes three spaces the parser skips.
                text.replace_range(..3, "   ");
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
            let mut f = Finding::without_source(
                Rule::ParseError,
                path.display().to_string(),
                format!(
                    "invalid UTF-8: byte 0x{bad:02x} at line {}, column {}",
                    pos.line, pos.column
                ),
                "save the file as UTF-8",
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
    Finding::new(Rule::ParseError, source, err.span(), message, help)
}

/// serde's messages name the accepted keys; turn that list into a suggestion.
fn explain_serde_message(message: &str) -> (String, String) {
    for kind in ["unknown field", "unknown variant"] {
        let Some(rest) = message.strip_prefix(kind) else {
            continue;
        };
        let mut parts = rest.split(", expected ");
        let got = parts.next().unwrap_or_default().trim().trim_matches('`');
        let expected = parts.next().unwrap_or_default();
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
        let help = match suggest::did_you_mean(got, candidates.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? expected {}", list(&candidates)),
            None if candidates.is_empty() => format!("remove `{got}`"),
            None => format!("expected {}", list(&candidates)),
        };
        return (message, help);
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
    fn unknown_variant_lists_choices() {
        let (msg, help) = explain_serde_message(
            "unknown variant `freelancer`, expected one of `employee`, `contractor`, `agency`",
        );
        assert_eq!(msg, "unknown value `freelancer`");
        assert!(help.contains("`contractor`"), "{help}");
    }
}

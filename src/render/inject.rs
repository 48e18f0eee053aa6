//! `--inject`: replace the text between the teamplan markers in a docs file, keeping every
//! byte outside them (and the file's line endings).

use anyhow::{Result, bail};

pub const BEGIN: &str = "<!-- teamplan:raci:begin -->";
pub const END: &str = "<!-- teamplan:raci:end -->";

/// The document with `content` placed between the markers.
///
/// # Errors
/// Missing, doubled or out-of-order markers; the caller leaves the file untouched.
pub fn inject(document: &str, content: &str) -> Result<String> {
    let begins: Vec<usize> = document.match_indices(BEGIN).map(|(i, _)| i).collect();
    let ends: Vec<usize> = document.match_indices(END).map(|(i, _)| i).collect();
    let (begin, end) = match (begins.as_slice(), ends.as_slice()) {
        ([b], [e]) if b < e => (*b, *e),
        ([b], [e]) => bail!(
            "the end marker (line {}) comes before the begin marker (line {})",
            line_of(document, *e),
            line_of(document, *b)
        ),
        ([], _) | (_, []) => bail!(
            "the file lacks {}; add the two lines {BEGIN} and {END} where the matrix should go",
            if begins.is_empty() && ends.is_empty() {
                "both markers".to_owned()
            } else if begins.is_empty() {
                format!("the begin marker `{BEGIN}`")
            } else {
                format!("the end marker `{END}`")
            }
        ),
        _ => bail!(
            "the file has {} begin and {} end markers; keep exactly one pair",
            begins.len(),
            ends.len()
        ),
    };
    let newline = if document.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let body = content
        .trim_end_matches('\n')
        .replace("\r\n", "\n")
        .replace('\n', newline);
    let after_begin = begin + BEGIN.len();
    let mut out = String::with_capacity(document.len() + content.len());
    out.push_str(&document[..after_begin]);
    out.push_str(newline);
    out.push_str(&body);
    out.push_str(newline);
    out.push_str(&document[end..]);
    Ok(out)
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_only_between_markers() {
        let doc = format!("# Team\n\nintro\n{BEGIN}\nold\n{END}\ntail\n");
        let out = inject(&doc, "new table\n").unwrap();
        assert_eq!(
            out,
            format!("# Team\n\nintro\n{BEGIN}\nnew table\n{END}\ntail\n")
        );
    }

    #[test]
    fn keeps_crlf_line_endings() {
        let doc = format!("a\r\n{BEGIN}\r\n{END}\r\nb\r\n");
        let out = inject(&doc, "x\ny\n").unwrap();
        assert_eq!(out, format!("a\r\n{BEGIN}\r\nx\r\ny\r\n{END}\r\nb\r\n"));
    }

    #[test]
    fn bad_markers_are_errors() {
        assert!(inject("no markers", "x").is_err());
        assert!(inject(&format!("{END}\n{BEGIN}"), "x").is_err());
        assert!(inject(&format!("{BEGIN}{BEGIN}{END}"), "x").is_err());
        assert!(inject(&format!("{BEGIN} only"), "x").is_err());
    }

    #[test]
    fn injecting_twice_changes_nothing() {
        let doc = format!("{BEGIN}\n{END}\n");
        let once = inject(&doc, "t\n").unwrap();
        assert_eq!(inject(&once, "t\n").unwrap(), once);
    }
}

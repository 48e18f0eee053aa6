//! `raci --format markdown`: a GitHub-flavoured table, names escaped so they cannot break it.

use std::fmt::Write as _;

use super::{LEGEND, Matrix, area_heading};
use crate::source::escape_for_display;

/// Escape text for a GFM table cell: pipes, markup characters, HTML and line breaks.
#[must_use]
pub fn escape(text: &str) -> String {
    let text = text.replace(['\r', '\n'], " ");
    let text = escape_for_display(&text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// Render the matrix as a GFM table followed by the legend.
#[must_use]
pub fn render(m: &Matrix) -> String {
    let mut out = String::new();
    out.push_str("| Activity |");
    for c in &m.columns {
        let _ = write!(out, " {} |", escape(&c.label));
    }
    out.push_str("\n|:---|");
    for _ in &m.columns {
        out.push_str(":-:|");
    }
    out.push('\n');
    let blanks = " |".repeat(m.columns.len());
    for group in &m.groups {
        let _ = writeln!(out, "| **{}** |{blanks}", area_heading(group.area));
        for row in &group.rows {
            let _ = write!(out, "| {} |", escape(&row.title));
            for cell in &row.cells {
                if cell.is_empty() {
                    out.push_str(" |");
                } else {
                    let _ = write!(out, " {cell} |");
                }
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "\n{LEGEND}");
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn table_breaking_characters_are_escaped() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("line\nbreak"), "line break");
        assert_eq!(escape("<script>"), "&lt;script&gt;");
        // The visible escape's backslash is itself escaped, so GitHub shows `\u{1b}`.
        assert_eq!(escape("x\u{1b}[31m"), "x\\\\u{1b}\\[31m");
    }
}

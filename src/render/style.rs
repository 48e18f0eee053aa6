//! The styles of terminal output. Renderers write them unconditionally into text meant for
//! a terminal; the output stream strips them when colour is off (`--color`, `NO_COLOR`, a
//! pipe), so a file or a pipe never holds them.

use anstyle::{AnsiColor, Style};

pub const ERROR: Style = AnsiColor::Red.on_default().bold();
pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
pub const OK: Style = AnsiColor::Green.on_default().bold();
pub const ADDED: Style = AnsiColor::Green.on_default();
pub const REMOVED: Style = AnsiColor::Red.on_default();
pub const HEADING: Style = Style::new().bold();

/// `text` in `style`, reset after.
#[must_use]
pub fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// The RACI letters: accountable stands out, informed recedes.
#[must_use]
pub fn letters(cell: &str) -> Option<Style> {
    match cell {
        "A/R" | "A" => Some(AnsiColor::Magenta.on_default().bold()),
        "R" => Some(AnsiColor::Green.on_default()),
        "C" => Some(AnsiColor::Cyan.on_default()),
        "I" => Some(Style::new().dimmed()),
        _ => None,
    }
}

/// A rendered table with the cells `style_of` picks painted. Only whole cells after the first
/// column are looked at (between `│`/`┆` separators), so no title is touched, and the styles
/// take no room: the widths stay as the table measured them.
#[must_use]
pub fn paint_cells(table: &str, style_of: impl Fn(&str) -> Option<Style>) -> String {
    let mut out = String::with_capacity(table.len() * 2);
    for line in table.split_inclusive('\n') {
        let mut column = 0;
        let mut rest = line;
        while let Some(at) = rest.find(['│', '┆']) {
            let (cell, tail) = rest.split_at(at);
            paint_cell(&mut out, cell, column, &style_of);
            let sep = tail.chars().next().map_or(0, char::len_utf8);
            out.push_str(&tail[..sep]);
            rest = &tail[sep..];
            column += 1;
        }
        out.push_str(rest);
    }
    out
}

fn paint_cell(
    out: &mut String,
    cell: &str,
    column: usize,
    style_of: &impl Fn(&str) -> Option<Style>,
) {
    let text = cell.trim();
    match style_of(text).filter(|_| column >= 2 && !text.is_empty()) {
        Some(style) => out.push_str(&cell.replacen(text, &paint(style, text), 1)),
        None => out.push_str(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_cells_past_the_first_column_are_painted() {
        let table = "│ Plan A ┆ A/R ┆ I │\n│ A      ┆     ┆ C │\n";
        let painted = paint_cells(table, letters);
        let plain = |s: &str| {
            let mut out = String::new();
            let mut in_escape = false;
            for c in s.chars() {
                match (in_escape, c) {
                    (false, '\u{1b}') => in_escape = true,
                    (true, 'm') => in_escape = false,
                    (false, c) => out.push(c),
                    _ => {}
                }
            }
            out
        };
        assert_eq!(plain(&painted), table, "styles take no room");
        assert!(painted.starts_with("│ Plan A ┆ \u{1b}"), "{painted:?}");
        assert!(
            painted.contains("│ A      ┆"),
            "the activity column is never painted"
        );
        assert_eq!(painted.matches("\u{1b}[0m").count(), 3, "A/R, I and C");
    }

    #[test]
    fn paint_resets_after_the_text() {
        assert_eq!(paint(ERROR, "error"), "\u{1b}[1m\u{1b}[31merror\u{1b}[0m");
        assert_eq!(paint(Style::new(), "plain"), "plain");
    }
}

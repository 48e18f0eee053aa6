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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paint_resets_after_the_text() {
        assert_eq!(paint(ERROR, "error"), "\u{1b}[1m\u{1b}[31merror\u{1b}[0m");
        assert_eq!(paint(Style::new(), "plain"), "plain");
    }
}

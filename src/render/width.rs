//! How wide output may be: the terminal's width, `COLUMNS`, or a fixed width for prose.

/// The width tables should fit: `COLUMNS` when set, else the terminal's width when stdout
/// is one, else None (no limit: output to a file or a pipe).
#[must_use]
pub fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .or_else(|| terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| w.0))
        .filter(|&w: &u16| w >= 20)
}

/// Like [`terminal_width`], but a fixed width when stdout is not a terminal, for tables of
/// prose that would otherwise become one very long line each.
#[must_use]
pub fn prose_width() -> Option<u16> {
    use std::io::IsTerminal as _;
    terminal_width().or_else(|| (!std::io::stdout().is_terminal()).then_some(100))
}

//! A unified diff between two texts, as `raci --check` shows drift. The texts are the
//! user's files: each line is shown through [`terminal`], so a file cannot move the cursor,
//! retitle the terminal or start a CI workflow command.

use std::fmt::Write as _;
use std::path::Path;

use super::escape::{path as shown, terminal};

/// A unified diff of `old` to `new`, both named `path` in the header.
#[must_use]
pub fn diff(path: &Path, old: &str, new: &str) -> String {
    let name = shown(path);
    let raw = similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&name, &name)
        .to_string();
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let _ = writeln!(out, "{}", terminal(line));
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::diff;

    #[test]
    fn changed_lines_are_shown_not_obeyed() {
        let out = diff(
            Path::new("TEAM.md"),
            "a\r\nkeep\r\n",
            "a\u{1b}]0;title\u{7}\r\n::error::x\u{202e}\r\nkeep\r\n",
        );
        assert!(out.contains("+a\\u{1b}]0;title\\u{7}\n"), "{out}");
        assert!(out.contains("+::error::x\\u{202e}\n"), "{out}");
        assert!(!out.contains('\r') && !out.contains('\u{1b}'), "{out}");
        assert!(out.lines().all(|l| !l.starts_with("::")), "{out}");
    }
}

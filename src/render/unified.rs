//! A unified diff between two texts, as `raci --check` shows drift. The texts are the
//! user's files: each line is shown through [`terminal`], so a file cannot move the cursor,
//! retitle the terminal or start a CI workflow command.

use std::fmt::Write as _;
use std::path::Path;

use super::escape::{path as shown, terminal};
use super::style;

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
        let safe = terminal(line);
        // Added and removed lines in colour (taken out again where colour is off).
        let style = match line.as_bytes() {
            [b'+', b'+', b'+', ..] | [b'-', b'-', b'-', ..] => None,
            [b'+', ..] => Some(style::ADDED),
            [b'-', ..] => Some(style::REMOVED),
            _ => None,
        };
        let _ = match style {
            Some(style) => writeln!(out, "{}", style::paint(style, &safe)),
            None => writeln!(out, "{safe}"),
        };
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
        // The only escapes left are the colours of added and removed lines (`ESC[..m`),
        // which the output takes out where colour is off.
        let mut plain = String::new();
        let mut rest = out.as_str();
        while let Some(at) = rest.find("\u{1b}[") {
            plain.push_str(&rest[..at]);
            rest = rest[at..].split_once('m').map_or("", |(_, after)| after);
        }
        plain.push_str(rest);
        assert!(plain.contains("+a\\u{1b}]0;title\\u{7}\n"), "{out}");
        assert!(plain.contains("+::error::x\\u{202e}\n"), "{out}");
        assert!(
            !plain.contains('\r') && !plain.contains('\u{1b}'),
            "{plain}"
        );
        assert!(plain.lines().all(|l| !l.starts_with("::")), "{plain}");
        assert!(
            out.contains("\u{1b}[32m+a"),
            "added lines are green: {out:?}"
        );
    }
}

//! A unified diff between two texts, as `raci --check` shows drift.

use std::path::Path;

/// A unified diff of `old` to `new`, both named `path` in the header.
#[must_use]
pub fn diff(path: &Path, old: &str, new: &str) -> String {
    let name = path.display().to_string();
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&name, &name)
        .to_string()
}

//! `raci --format markdown`: a GitHub-flavoured table, names escaped so they cannot break it.

use std::fmt::Write as _;

use super::view::{LEGEND, Matrix, area_heading};
use crate::render::escape::markdown as escape;

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
    if let Some(note) = m.note() {
        let _ = writeln!(out, "\n{note}");
    }
    out
}

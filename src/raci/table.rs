//! `raci --format table`: a terminal table that fits the width, with a legend.

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use super::{LEGEND, Matrix, area_heading};
use crate::source::escape_for_display;

/// Render the matrix for a terminal of `width` columns (None: no limit).
#[must_use]
pub fn render(m: &Matrix, width: Option<u16>) -> String {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = width {
        table.set_width(w);
    }
    let mut header = vec![Cell::new("Activity")];
    header.extend(
        m.columns
            .iter()
            .map(|c| Cell::new(escape_for_display(&c.label)).set_alignment(CellAlignment::Center)),
    );
    table.set_header(header);
    for group in &m.groups {
        let mut area_row = vec![Cell::new(area_heading(group.area).to_uppercase())];
        area_row.extend(m.columns.iter().map(|_| Cell::new("")));
        table.add_row(area_row);
        for row in &group.rows {
            let mut cells = vec![Cell::new(format!("  {}", escape_for_display(&row.title)))];
            cells.extend(
                row.cells
                    .iter()
                    .map(|l| Cell::new(l.to_string()).set_alignment(CellAlignment::Center)),
            );
            table.add_row(cells);
        }
    }
    format!(
        "{}: RACI by {}\n{table}\n{LEGEND}\n",
        escape_for_display(&m.team),
        by_word(m)
    )
}

fn by_word(m: &Matrix) -> &'static str {
    match m.by {
        super::By::Person => "person",
        super::By::Role => "role",
    }
}

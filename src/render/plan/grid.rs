//! The tables of `teamplan plan`, each a title, a header and rows of plain cells, drawn
//! for a terminal, as GFM markdown or as CSV (every cell escaped for where it goes).

use std::fmt::Write as _;

use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

use crate::diag::source::shorten;
use crate::render::escape::{csv_cell, markdown, markdown_message, terminal};

/// The longest text of a terminal table's cell: laying out a table costs the square of its
/// cells' length, and a name of a megabyte would take minutes (markdown, CSV and JSON keep
/// every character).
const MAX_CELL_CHARS: usize = 200;

/// A cell for a terminal table: escaped and cut short.
fn cell(text: &str) -> String {
    terminal(&shorten(text, MAX_CELL_CHARS)).into_owned()
}

/// One table of a plan's output.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns of numbers, aligned right.
    pub numeric: Vec<usize>,
    /// A line under the table (what a figure means, what it leaves out).
    pub note: Option<String>,
}

/// How the grids are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Table,
    Markdown,
    Csv,
}

/// The grids, one after the other. CSV holds the first only: a spreadsheet reads one table.
///
/// # Errors
/// Never in practice (writing to memory); kept as the csv crate reports it.
pub fn render(grids: &[Grid], layout: Layout) -> anyhow::Result<String> {
    let mut out = String::new();
    match layout {
        Layout::Csv => {
            let Some(grid) = grids.first() else {
                return Ok(out);
            };
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(grid.header.iter().map(|h| csv_cell(h)))?;
            for row in &grid.rows {
                // A figure stays a number a spreadsheet adds up (a minus sign is no formula).
                w.write_record(row.iter().enumerate().map(|(i, c)| {
                    if grid.numeric.contains(&i) && c.parse::<f64>().is_ok() {
                        c.clone()
                    } else {
                        csv_cell(c)
                    }
                }))?;
            }
            out = String::from_utf8(w.into_inner()?)?;
        }
        Layout::Markdown => {
            for grid in grids {
                let _ = writeln!(out, "### {}\n", markdown(&grid.title));
                if grid.rows.is_empty() {
                    if let Some(note) = &grid.note {
                        let _ = writeln!(out, "{}\n", markdown_message(note));
                    }
                    continue;
                }
                let cells = |row: &[String]| {
                    row.iter()
                        .map(|c| markdown(c))
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                let _ = writeln!(out, "| {} |", cells(&grid.header));
                let rule: Vec<&str> = (0..grid.header.len())
                    .map(|i| {
                        if grid.numeric.contains(&i) {
                            "---:"
                        } else {
                            "---"
                        }
                    })
                    .collect();
                let _ = writeln!(out, "|{}|", rule.join("|"));
                for row in &grid.rows {
                    let _ = writeln!(out, "| {} |", cells(row));
                }
                if let Some(note) = &grid.note {
                    let _ = writeln!(out, "\n{}", markdown_message(note));
                }
                out.push('\n');
            }
        }
        Layout::Table => {
            for grid in grids {
                if grid.rows.is_empty() {
                    let title = terminal(&shorten(&grid.title, 400)).into_owned();
                    let note = grid.note.as_deref().map(terminal).unwrap_or_default();
                    let _ = writeln!(out, "{title}\n{note}\n");
                    continue;
                }
                let mut table = Table::new();
                table
                    .load_style(presets::UTF8_FULL_CONDENSED)
                    .set_content_arrangement(ContentArrangement::Dynamic)
                    .set_header(grid.header.iter().map(|h| cell(h)));
                if let Some(w) = crate::render::width::prose_width() {
                    table.set_width(w);
                }
                for row in &grid.rows {
                    table.add_row(row.iter().map(|c| cell(c)));
                }
                for &i in &grid.numeric {
                    if let Some(column) = table.column_mut(i) {
                        column.set_cell_alignment(CellAlignment::Right);
                    }
                }
                let _ = writeln!(out, "{}\n{table}", terminal(&shorten(&grid.title, 400)));
                if let Some(note) = &grid.note {
                    let _ = writeln!(out, "{}", terminal(note));
                }
                out.push('\n');
            }
        }
    }
    Ok(out)
}

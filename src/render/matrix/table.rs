//! `raci --format table`: a terminal table that fits the width, with a legend.
//!
//! Activity titles wrap; when the people's names do not fit as column headers, the columns
//! are numbered and a key lists who each number is, rather than squeezing names into
//! garbled fragments.

use std::fmt::Write as _;

use crate::render::style;
use comfy_table::{
    Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets,
};

use super::view::{By, LEGEND, Matrix, area_heading};
use crate::render::escape::terminal as escape_for_display;

/// The narrowest the activity column may get before headers switch to numbers.
const MIN_ACTIVITY_WIDTH: usize = 28;

/// The most letter columns one table holds when the width is not limited (output to a
/// file or a pipe): a wider team is printed as several tables, each repeating the activity
/// column, which keeps them readable and the rendering linear in the number of people.
const MAX_COLUMNS_UNLIMITED: usize = 50;

/// Width of a numbered column ("123" and room for "A/R").
const NUMBERED_COLUMN_WIDTH: usize = 5;

/// The narrowest the activity column may get beside numbered columns.
const MIN_ACTIVITY_WIDTH_NUMBERED: usize = 12;

/// Render the matrix for a terminal of `width` columns (None: no limit).
#[must_use]
pub fn render(m: &Matrix, width: Option<u16>) -> String {
    let labels: Vec<String> = m
        .columns
        .iter()
        .map(|c| escape_for_display(&c.label).into_owned())
        .collect();
    let numbered = width.is_some_and(|w| {
        let needed: usize =
            MIN_ACTIVITY_WIDTH + 4 + labels.iter().map(|l| column_width(l) + 1).sum::<usize>();
        needed > usize::from(w)
    });
    let per_table = match width {
        Some(w) if numbered => ((usize::from(w).saturating_sub(MIN_ACTIVITY_WIDTH_NUMBERED + 4))
            / (NUMBERED_COLUMN_WIDTH + 1))
            .max(1),
        Some(_) => labels.len().max(1),
        None => MAX_COLUMNS_UNLIMITED,
    };
    let mut out = format!(
        "{}: RACI by {}\n",
        escape_for_display(&m.team),
        m.column_kind()
    );
    // As few tables as fit, sharing the columns evenly: the activity column gets the same
    // room in each.
    let blocks = labels.len().div_ceil(per_table).max(1);
    let per_table = labels.len().div_ceil(blocks).max(1);
    for block in 0..blocks {
        let first = block * per_table;
        let last = (first + per_table).min(labels.len());
        if blocks > 1 {
            let noun = if m.by == By::Person {
                "people"
            } else {
                "roles"
            };
            let _ = writeln!(
                out,
                "{}{noun} {}\u{2013}{last} of {}",
                if block == 0 { "" } else { "\n" },
                first + 1,
                labels.len()
            );
        }
        let table = block_table(m, &labels, first..last, numbered, width);
        let _ = writeln!(
            out,
            "{}",
            style::paint_cells(&table.to_string(), style::letters)
        );
    }
    let _ = writeln!(out, "{LEGEND}");
    if let Some(note) = m.note() {
        let _ = writeln!(out, "{note}");
    }
    if numbered {
        for (i, label) in labels.iter().enumerate() {
            let _ = writeln!(out, "{:>3}  {label}", i + 1);
        }
    }
    out
}

/// Headers wrap at spaces, so a column needs its longest word (and room for "A/R").
fn column_width(label: &str) -> usize {
    label
        .split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
        .max(3)
        + 2
}

/// One table: the activity column and the letter columns in `columns`.
fn block_table(
    m: &Matrix,
    labels: &[String],
    columns: std::ops::Range<usize>,
    numbered: bool,
    width: Option<u16>,
) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = width {
        table.set_width(w);
    }
    let mut header = vec![Cell::new("Activity")];
    header.extend(columns.clone().map(|i| {
        let text = if numbered {
            (i + 1).to_string()
        } else {
            labels[i].clone()
        };
        Cell::new(text).set_alignment(CellAlignment::Center)
    }));
    table.set_header(header);
    if width.is_some() {
        // Letter columns keep a fixed width (names wrap inside it); the activity column
        // takes the rest and wraps its titles.
        let fixed = |w: usize| {
            ColumnConstraint::Absolute(Width::Fixed(u16::try_from(w).unwrap_or(u16::MAX)))
        };
        table.set_constraints(
            std::iter::once(ColumnConstraint::LowerBoundary(Width::Fixed(
                u16::try_from(MIN_ACTIVITY_WIDTH_NUMBERED).unwrap_or(u16::MAX),
            )))
            .chain(labels[columns.clone()].iter().map(|l| {
                if numbered {
                    fixed(NUMBERED_COLUMN_WIDTH)
                } else {
                    fixed(column_width(l))
                }
            })),
        );
    }
    for group in &m.groups {
        let mut area_row = vec![Cell::new(area_heading(group.area).to_uppercase())];
        area_row.extend(columns.clone().map(|_| Cell::new("")));
        table.add_row(area_row);
        for row in &group.rows {
            let mut cells = vec![Cell::new(escape_for_display(&row.title))];
            cells.extend(
                row.cells[columns.clone()]
                    .iter()
                    .map(|l| Cell::new(l.to_string()).set_alignment(CellAlignment::Center)),
            );
            table.add_row(cells);
        }
    }
    table
}

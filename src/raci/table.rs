//! `raci --format table`: a terminal table that fits the width, with a legend.
//!
//! Activity titles wrap; when the people's names do not fit as column headers, the columns
//! are numbered and a key lists who each number is, rather than squeezing names into
//! garbled fragments.

use std::fmt::Write as _;

use comfy_table::{
    Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets,
};

use super::{By, LEGEND, Matrix, area_heading};
use crate::source::escape_for_display;

/// The narrowest the activity column may get before headers switch to numbers.
const MIN_ACTIVITY_WIDTH: usize = 28;

/// Render the matrix for a terminal of `width` columns (None: no limit).
#[must_use]
pub fn render(m: &Matrix, width: Option<u16>) -> String {
    let labels: Vec<String> = m
        .columns
        .iter()
        .map(|c| escape_for_display(&c.label).into_owned())
        .collect();
    // Headers wrap at spaces, so a column needs its longest word (and room for "A/R").
    let column_width = |l: &String| {
        l.split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
            .max(3)
            + 2
    };
    let numbered = width.is_some_and(|w| {
        let needed: usize =
            MIN_ACTIVITY_WIDTH + 4 + labels.iter().map(|l| column_width(l) + 1).sum::<usize>();
        needed > usize::from(w)
    });
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = width {
        table.set_width(w);
    }
    let mut header = vec![Cell::new("Activity")];
    header.extend(labels.iter().enumerate().map(|(i, label)| {
        let text = if numbered {
            (i + 1).to_string()
        } else {
            label.clone()
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
            std::iter::once(ColumnConstraint::LowerBoundary(Width::Fixed(12))).chain(
                labels.iter().map(|l| {
                    if numbered {
                        fixed(5)
                    } else {
                        fixed(column_width(l))
                    }
                }),
            ),
        );
    }
    for group in &m.groups {
        let mut area_row = vec![Cell::new(area_heading(group.area).to_uppercase())];
        area_row.extend(m.columns.iter().map(|_| Cell::new("")));
        table.add_row(area_row);
        for row in &group.rows {
            let mut cells = vec![Cell::new(escape_for_display(&row.title))];
            cells.extend(
                row.cells
                    .iter()
                    .map(|l| Cell::new(l.to_string()).set_alignment(CellAlignment::Center)),
            );
            table.add_row(cells);
        }
    }
    let by = match m.by {
        By::Person => "person",
        By::Role => "role",
    };
    let mut out = format!(
        "{}: RACI by {by}\n{table}\n{LEGEND}\n",
        escape_for_display(&m.team)
    );
    if numbered {
        for (i, label) in labels.iter().enumerate() {
            let _ = writeln!(out, "{:>3}  {label}", i + 1);
        }
    }
    out
}

//! `raci --format csv`: one row per activity, RFC 4180 quoting; names are written as
//! text a spreadsheet never runs as a formula ([`csv_cell`]).

use super::view::Matrix;
use crate::render::escape::csv_cell;

/// Render the matrix as CSV: `area,activity,title,<column ids...>`.
///
/// # Errors
/// Never in practice (writing to memory); kept as the csv crate reports it.
pub fn render(m: &Matrix) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = ["area", "activity", "title"].map(String::from).to_vec();
    header.extend(m.columns.iter().map(|c| csv_cell(&c.id)));
    w.write_record(&header)?;
    for row in m.rows() {
        let mut record = vec![
            row.area.as_str().to_owned(),
            csv_cell(&row.id),
            csv_cell(&row.title),
        ];
        record.extend(row.cells.iter().map(ToString::to_string));
        w.write_record(&record)?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

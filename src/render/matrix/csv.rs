//! `raci --format csv`: one row per activity, RFC 4180 quoting.

use super::view::Matrix;

/// Render the matrix as CSV: `area,activity,title,<column ids...>`.
///
/// # Errors
/// Never in practice (writing to memory); kept as the csv crate reports it.
pub fn render(m: &Matrix) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["area", "activity", "title"];
    header.extend(m.columns.iter().map(|c| c.id.as_str()));
    w.write_record(&header)?;
    for row in m.rows() {
        let mut record = vec![
            row.area.as_str().to_owned(),
            row.id.clone(),
            row.title.clone(),
        ];
        record.extend(row.cells.iter().map(ToString::to_string));
        w.write_record(&record)?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

//! `raci --format html`: one self-contained page (no external assets) with sticky headers,
//! a colour per letter, rows grouped by area, and print styles.

use std::fmt::Write as _;

use super::view::{Matrix, area_heading};
use crate::render::escape::{html as escape, html_attr};

/// The stylesheet shared by every page teamplan writes.
pub const STYLE: &str = r#"
:root { --a:#b42318; --r:#175cd3; --c:#fedf89; --c-text:#7a2e0e; --i:#eaecf0; --i-text:#344054; --line:#d0d5dd; }
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:#101828; margin: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
p.meta { color:#475467; margin: 0 0 1rem; }
.scroll { overflow: auto; max-height: 85vh; border: 1px solid var(--line); }
table { border-collapse: separate; border-spacing: 0; }
th, td { border-bottom: 1px solid var(--line); border-right: 1px solid var(--line); padding: .3rem .5rem; }
thead th { position: sticky; top: 0; background: #f9fafb; z-index: 2; font-weight: 600; vertical-align: bottom; }
tbody th { position: sticky; left: 0; background: #fff; text-align: left; font-weight: 400; z-index: 1; min-width: 16rem; }
thead th:first-child { left: 0; z-index: 3; text-align: left; }
tr.area th { background: #f2f4f7; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; font-size: .8rem; }
tr.area td { background: #f2f4f7; }
td.cell { text-align: center; font-weight: 700; min-width: 3rem; }
td.A, td.AR { color: #fff; background: var(--a); }
td.R { color: #fff; background: var(--r); }
td.C { color: var(--c-text); background: var(--c); }
td.I { color: var(--i-text); background: var(--i); font-weight: 400; }
.legend span { display: inline-block; padding: 0 .4rem; margin-right: .4rem; color: #fff; font-weight: 700; }
.legend .A { background: var(--a); } .legend .R { background: var(--r); }
.legend .C { background: var(--c); color: var(--c-text); } .legend .I { background: var(--i); color: var(--i-text); }
@media print {
  body { margin: 0; font-size: 10px; }
  .scroll { overflow: visible; max-height: none; border: 0; }
  thead th, tbody th { position: static; }
  td.cell { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr { break-inside: avoid; }
  @page { size: landscape; margin: 1cm; }
}
"#;

/// The `<table>` alone, for embedding in a larger page.
#[must_use]
pub fn table(m: &Matrix) -> String {
    let mut out = String::new();
    out.push_str(
        "<div class=\"scroll\"><table class=\"raci\">\n<thead><tr><th scope=\"col\">Activity</th>",
    );
    for c in &m.columns {
        let _ = write!(
            out,
            "<th scope=\"col\" title=\"{}\">{}</th>",
            html_attr(&c.id),
            escape(&c.label)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for group in &m.groups {
        let _ = write!(
            out,
            "<tr class=\"area\"><th scope=\"rowgroup\">{}</th>",
            escape(&area_heading(group.area))
        );
        for _ in &m.columns {
            out.push_str("<td></td>");
        }
        out.push_str("</tr>\n");
        for row in &group.rows {
            let _ = write!(
                out,
                "<tr><th scope=\"row\" title=\"{}\">{}</th>",
                html_attr(&row.id),
                escape(&row.title)
            );
            for cell in &row.cells {
                if cell.is_empty() {
                    out.push_str("<td class=\"cell\"></td>");
                } else {
                    let _ = write!(out, "<td class=\"cell {}\">{cell}</td>", cell.compact());
                }
            }
            out.push_str("</tr>\n");
        }
    }
    out.push_str("</tbody></table></div>\n");
    out
}

/// A whole page holding the matrix.
#[must_use]
pub fn render(m: &Matrix) -> String {
    let title = format!("{}: RACI by {}", escape(&m.team), m.column_kind());
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n<p class=\"meta\">Catalog <code>{}</code></p>\n{}<p class=\"legend\"><span class=\"A\">A</span>accountable <span class=\"R\">R</span>responsible <span class=\"C\">C</span>consulted <span class=\"I\">I</span>informed</p>\n</body>\n</html>\n",
        escape(&m.catalog),
        table(m),
    )
}

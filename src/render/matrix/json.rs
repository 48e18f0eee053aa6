//! `raci --format json`: the stable shape (`"version": 1`).

use indexmap::IndexMap;
use serde::Serialize;

use super::view::{By, Matrix};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    team: &'a str,
    catalog: &'a str,
    by: By,
    /// By role: `held` (the roles the team holds, with the work they carry) or `catalog`.
    #[serde(skip_serializing_if = "Option::is_none")]
    roles: Option<&'static str>,
    columns: Vec<&'a str>,
    /// Of an org by person: each unit's columns, in order.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    units: IndexMap<&'a str, Vec<&'a str>>,
    rows: Vec<Row<'a>>,
}

#[derive(Serialize)]
struct Row<'a> {
    activity: &'a str,
    title: &'a str,
    area: &'a str,
    cells: IndexMap<&'a str, String>,
}

/// Render the matrix as pretty JSON; `cells` lists only non-empty cells.
#[must_use]
pub fn render(m: &Matrix) -> String {
    let doc = Document {
        version: 1,
        team: &m.team,
        catalog: &m.catalog,
        by: m.by,
        roles: (m.by == By::Role).then_some(if m.all_roles { "catalog" } else { "held" }),
        columns: m.columns.iter().map(|c| c.id.as_str()).collect(),
        units: m.columns.iter().fold(IndexMap::new(), |mut units, c| {
            for unit in &c.units {
                units.entry(unit.as_str()).or_default().push(c.id.as_str());
            }
            units
        }),
        rows: m
            .rows()
            .map(|r| Row {
                activity: &r.id,
                title: &r.title,
                area: r.area.as_str(),
                cells: m
                    .columns
                    .iter()
                    .zip(&r.cells)
                    .filter(|(_, l)| !l.is_empty())
                    .map(|(c, l)| (c.id.as_str(), l.compact()))
                    .collect(),
            })
            .collect(),
    };
    let mut text = crate::render::escape::json_invisibles(
        serde_json::to_string_pretty(&doc).unwrap_or_default(),
    );
    text.push('\n');
    text
}

//! The RACI matrix as shown to people: columns (people or roles), rows grouped by area, and
//! a renderer per `--format`. Built from the same [`Resolved`] team the rules read.

use crate::catalog::Area;
use crate::resolve::{Letters, Resolved};

/// What the columns are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum By {
    Person,
    Role,
}

/// A column: a person or a role.
#[derive(Debug, Clone)]
pub struct Column {
    pub id: String,
    pub label: String,
    /// Of an org's person: the units they are in (a person shared by two is in both).
    pub units: Vec<String>,
}

/// One activity row.
#[derive(Debug, Clone)]
pub struct ViewRow {
    pub id: String,
    pub title: String,
    pub area: Area,
    pub cells: Vec<Letters>,
}

/// Rows of one area, in catalog order.
#[derive(Debug, Clone)]
pub struct AreaGroup {
    pub area: Area,
    pub rows: Vec<ViewRow>,
}

/// The matrix ready to render.
#[derive(Debug, Clone)]
pub struct Matrix {
    pub team: String,
    pub catalog: String,
    pub by: By,
    /// By role: the catalog's roles with their own letters, not the roles held.
    pub all_roles: bool,
    pub columns: Vec<Column>,
    pub groups: Vec<AreaGroup>,
}

/// Which rows and columns to show.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub activities: Vec<String>,
    pub areas: Vec<Area>,
    /// Only this person's column, and only the rows where they have a letter.
    pub person: Option<String>,
    /// By role: every role of the catalog with its own letters, instead of the roles the
    /// team holds with the work they carry.
    pub all_roles: bool,
}

impl Matrix {
    /// Build the view of a resolved team.
    ///
    /// # Errors
    /// A filter names an activity or person that does not exist.
    pub fn new(resolved: &Resolved<'_>, by: By, filter: &Filter) -> anyhow::Result<Self> {
        let team = resolved.team;
        let catalog = &team.catalog;
        for a in &filter.activities {
            if catalog.activity(a).is_none() {
                let hint = crate::diag::suggest::hint(a, catalog.activity_names());
                anyhow::bail!(
                    "--activity `{a}` is not an activity of the `{}` catalog{}",
                    catalog.id,
                    sep(hint)
                );
            }
        }
        let person =
            match &filter.person {
                None => None,
                Some(id) => Some(team.people.iter().position(|p| *p.id == **id).ok_or_else(
                    || {
                        let hint =
                            crate::diag::suggest::hint(id, team.people.iter().map(|p| &*p.id));
                        anyhow::anyhow!(
                            "--person `{id}` is not a person of team `{}`{}",
                            team.name,
                            sep(hint)
                        )
                    },
                )?),
            };
        // Each column and the people or roles whose letters it shows. A held role's column
        // also shows the work of the roles nobody holds whose chains end at it.
        let mut carried_by: Vec<Vec<usize>> = vec![Vec::new(); catalog.roles.len()];
        for (role, carrier) in resolved.carrier.iter().enumerate() {
            if let Some(c) = carrier {
                carried_by[*c].push(role);
            }
        }
        let carried = |r: usize| -> Vec<usize> {
            if filter.all_roles {
                vec![r]
            } else {
                carried_by[r].clone()
            }
        };
        let (columns, picks): (Vec<Column>, Vec<Vec<usize>>) = match (by, person) {
            (By::Person, Some(p)) => {
                let units = team.units_by_person();
                (vec![person_column(resolved, p, &units[p])], vec![vec![p]])
            }
            (By::Person, None) => {
                let units = team.units_by_person();
                (0..team.people.len())
                    .map(|p| (person_column(resolved, p, &units[p]), vec![p]))
                    .unzip()
            }
            (By::Role, Some(p)) => resolved.person_roles[p]
                .iter()
                .map(|&r| (role_column(resolved, r), carried(r)))
                .unzip(),
            (By::Role, None) => (0..catalog.roles.len())
                .filter(|&r| filter.all_roles || resolved.carrier[r] == Some(r))
                .map(|r| (role_column(resolved, r), carried(r)))
                .unzip(),
        };
        let mut groups: Vec<AreaGroup> = Area::ALL
            .iter()
            .map(|&area| AreaGroup {
                area,
                rows: Vec::new(),
            })
            .collect();
        for row in &resolved.rows {
            let activity = &catalog.activities[row.activity];
            if !filter.activities.is_empty() && !filter.activities.contains(&activity.id) {
                continue;
            }
            if !filter.areas.is_empty() && !filter.areas.contains(&activity.area) {
                continue;
            }
            let source = match by {
                By::Person => &row.by_person,
                By::Role => &row.by_role,
            };
            let cells: Vec<Letters> = picks
                .iter()
                .map(|merged| {
                    let mut cell = Letters::NONE;
                    for &i in merged {
                        cell.add(source.get(i));
                    }
                    cell
                })
                .collect();
            if let Some(p) = person {
                if row.by_person.get(p).is_empty() {
                    continue;
                }
            }
            let group = groups.iter_mut().find(|g| g.area == activity.area);
            if let Some(group) = group {
                group.rows.push(ViewRow {
                    id: activity.id.clone(),
                    title: activity.title.clone(),
                    area: activity.area,
                    cells,
                });
            }
        }
        groups.retain(|g| !g.rows.is_empty());
        Ok(Self {
            team: team.name.clone(),
            catalog: catalog.id.clone(),
            by,
            all_roles: filter.all_roles,
            columns,
            groups,
        })
    }

    /// What a column is, for titles: `person`, `role held` or `catalog role`.
    #[must_use]
    pub fn column_kind(&self) -> &'static str {
        match (self.by, self.all_roles) {
            (By::Person, _) => "person",
            (By::Role, false) => "role held",
            (By::Role, true) => "catalog role",
        }
    }

    /// A line under the legend when the columns need one.
    #[must_use]
    pub fn note(&self) -> Option<&'static str> {
        (self.by == By::Role && !self.all_roles).then_some(
            "A role's column also carries the work of roles nobody holds that report up to it (--all-roles: the catalog's own letters).",
        )
    }

    /// Every row, in display order.
    pub fn rows(&self) -> impl Iterator<Item = &ViewRow> {
        self.groups.iter().flat_map(|g| g.rows.iter())
    }
}

fn sep(hint: Option<String>) -> String {
    hint.map(|h| format!("; {h}")).unwrap_or_default()
}

fn person_column(resolved: &Resolved<'_>, p: usize, units: &[&str]) -> Column {
    let person = &resolved.team.people[p];
    Column {
        id: person.id.to_string(),
        label: if units.is_empty() {
            person.name.to_string()
        } else {
            format!("{} ({})", person.name, units.join(", "))
        },
        units: units.iter().map(|u| (*u).to_owned()).collect(),
    }
}

fn role_column(resolved: &Resolved<'_>, r: usize) -> Column {
    let role = &resolved.team.catalog.roles[r];
    Column {
        id: role.id.clone(),
        label: role.title.clone(),
        units: Vec::new(),
    }
}

/// Title-case an area name for headings.
#[must_use]
pub fn area_heading(area: Area) -> String {
    let s = area.as_str();
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// The legend printed under human-facing formats.
pub const LEGEND: &str = "A accountable · R responsible · C consulted · I informed";

//! The changes to teams and findings. Both sides are analyzed with the same pipeline as
//! `check`, on the same day.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

pub use super::value::ValueChange;

use crate::analysis::pipeline::Analysis;
use crate::diag::finding::Finding;
use crate::diag::rule::{Rule, Severity};
use crate::resolve::{Letters, Resolved};
use crate::team::{Engagement, Team};

/// How a team changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Added,
    Removed,
    Changed,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PersonBrief {
    pub id: String,
    pub name: String,
    pub roles: Vec<String>,
    pub fte: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RoleChange {
    pub person: String,
    pub gained: Vec<String>,
    pub lost: Vec<String>,
}

/// One cell of the matrix that changed (letters serialize as in JSON: `AR`, empty for none).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CellChange {
    pub activity: String,
    pub person: String,
    pub old: Letters,
    pub new: Letters,
}

/// The changes to one team (matched by name).
#[derive(Debug, Clone, Serialize)]
pub struct TeamDiff {
    pub team: String,
    pub status: Status,
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub catalog: Option<ValueChange<String>>,
    pub people_added: Vec<PersonBrief>,
    pub people_removed: Vec<PersonBrief>,
    pub roles: Vec<RoleChange>,
    /// The roles each person leads, gained or lost.
    pub leads: Vec<RoleChange>,
    pub fte: Vec<ValueChange<f64>>,
    pub engagement: Vec<ValueChange<Engagement>>,
    /// Of an org: the units a person is in, where they changed (a move between units).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<ValueChange<Vec<String>>>,
    /// Dates, open positions, backfills and costs that changed, of anyone in the files.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<ValueChange<String>>,
    pub raci: Vec<CellChange>,
}

impl TeamDiff {
    fn is_empty(&self) -> bool {
        self.status == Status::Changed
            && self.catalog.is_none()
            && self.people_added.is_empty()
            && self.people_removed.is_empty()
            && self.roles.is_empty()
            && self.leads.is_empty()
            && self.fte.is_empty()
            && self.engagement.is_empty()
            && self.units.is_empty()
            && self.plan.is_empty()
            && self.raci.is_empty()
    }
}

/// A finding as compared across the change: its place is left out, since lines move.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FindingBrief {
    pub rule: Rule,
    pub level: Severity,
    pub team: String,
    pub file: String,
    pub message: String,
}

impl From<&Finding> for FindingBrief {
    fn from(f: &Finding) -> Self {
        Self {
            rule: f.rule,
            level: f.level,
            team: f.team.clone(),
            file: f.file.clone(),
            message: f.message.clone(),
        }
    }
}

/// The whole change.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    pub version: u32,
    pub teams: Vec<TeamDiff>,
    pub findings_added: Vec<FindingBrief>,
    pub findings_fixed: Vec<FindingBrief>,
}

impl Diff {
    /// Compare two analyses.
    #[must_use]
    pub fn new(old: &Analysis, new: &Analysis) -> Self {
        Self::between(old, new, ["", ""])
    }

    /// Compare two analyses of the folders (or files) `roots` (old, new): a finding whose
    /// message names a file of its side (`also declared in OLD/x.toml`) is the same finding
    /// on both sides.
    #[must_use]
    pub fn between(old: &Analysis, new: &Analysis, roots: [&str; 2]) -> Self {
        let old_teams: BTreeMap<&str, &Team> =
            old.teams.iter().map(|t| (t.name.as_str(), t)).collect();
        let new_teams: BTreeMap<&str, &Team> =
            new.teams.iter().map(|t| (t.name.as_str(), t)).collect();
        let names: BTreeSet<&str> = old_teams.keys().chain(new_teams.keys()).copied().collect();
        let teams = names
            .into_iter()
            .filter_map(|name| {
                let (old, new) = (old_teams.get(name).copied(), new_teams.get(name).copied());
                let status = match (old, new) {
                    (None, Some(_)) => Status::Added,
                    (Some(_), None) => Status::Removed,
                    _ => Status::Changed,
                };
                let d = team_diff(status, new.or(old)?, old, new);
                (!d.is_empty()).then_some(d)
            })
            .collect();
        let key = |f: &Finding, root: &str| {
            let message = if root.is_empty() {
                f.message.clone()
            } else {
                f.message.replace(root, "")
            };
            (f.rule, f.team.clone(), message)
        };
        let [old_root, new_root] = roots;
        let old_keys: BTreeSet<_> = old.findings.iter().map(|f| key(f, old_root)).collect();
        let new_keys: BTreeSet<_> = new.findings.iter().map(|f| key(f, new_root)).collect();
        let findings_added = new
            .findings
            .iter()
            .filter(|f| !old_keys.contains(&key(f, new_root)))
            .map(FindingBrief::from)
            .collect();
        let findings_fixed = old
            .findings
            .iter()
            .filter(|f| !new_keys.contains(&key(f, old_root)))
            .map(FindingBrief::from)
            .collect();
        Self {
            version: 1,
            teams,
            findings_added,
            findings_fixed,
        }
    }

    /// Whether the change adds error-level findings.
    #[must_use]
    pub fn adds_errors(&self) -> bool {
        self.findings_added
            .iter()
            .any(|f| f.level == Severity::Error)
    }

    /// Whether nothing changed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.teams.is_empty() && self.findings_added.is_empty() && self.findings_fixed.is_empty()
    }
}

fn brief(team: &Team, resolved: &Resolved<'_>, p: usize) -> PersonBrief {
    let person = &team.people[p];
    PersonBrief {
        id: person.id.to_string(),
        name: person.name.to_string(),
        roles: resolved.person_roles[p]
            .iter()
            .map(|&r| team.catalog.roles[r].id.clone())
            .collect(),
        fte: person.fte,
    }
}

fn team_diff(status: Status, any: &Team, old: Option<&Team>, new: Option<&Team>) -> TeamDiff {
    let old_r = old.map(Resolved::new);
    let new_r = new.map(Resolved::new);
    let mut d = TeamDiff {
        team: any.name.clone(),
        status,
        file: any.source.path().display().to_string(),
        catalog: None,
        people_added: Vec::new(),
        people_removed: Vec::new(),
        roles: Vec::new(),
        leads: Vec::new(),
        fte: Vec::new(),
        engagement: Vec::new(),
        units: Vec::new(),
        plan: super::plan::plan_changes(old, new),
        raci: Vec::new(),
    };
    let people = |t: Option<&Team>| -> BTreeMap<String, usize> {
        t.map(|t| {
            t.people
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.to_string(), i))
                .collect()
        })
        .unwrap_or_default()
    };
    let old_people = people(old);
    let new_people = people(new);
    if let (Some(o), Some(n)) = (old, new) {
        if o.catalog.id != n.catalog.id {
            d.catalog = Some(ValueChange {
                person: String::new(),
                old: o.catalog.id.clone(),
                new: n.catalog.id.clone(),
            });
        }
    }
    for (id, &p) in &new_people {
        if !old_people.contains_key(id) {
            if let (Some(t), Some(r)) = (new, &new_r) {
                d.people_added.push(brief(t, r, p));
            }
        }
    }
    for (id, &p) in &old_people {
        if !new_people.contains_key(id) {
            if let (Some(t), Some(r)) = (old, &old_r) {
                d.people_removed.push(brief(t, r, p));
            }
        }
    }
    if let (Some(o), Some(n), Some(or), Some(nr)) = (old, new, &old_r, &new_r) {
        let (old_units, new_units) = (o.units_by_person(), n.units_by_person());
        for (id, &np) in &new_people {
            let Some(&op) = old_people.get(id) else {
                continue;
            };
            let old_roles: BTreeSet<String> = brief(o, or, op).roles.into_iter().collect();
            let new_roles: BTreeSet<String> = brief(n, nr, np).roles.into_iter().collect();
            if old_roles != new_roles {
                d.roles.push(RoleChange {
                    person: id.clone(),
                    gained: new_roles.difference(&old_roles).cloned().collect(),
                    lost: old_roles.difference(&new_roles).cloned().collect(),
                });
            }
            let led = |t: &Team, r: &Resolved<'_>, p: usize| -> BTreeSet<String> {
                r.leads
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| **l == Some(p))
                    .map(|(role, _)| t.catalog.roles[role].id.clone())
                    .collect()
            };
            let (old_leads, new_leads) = (led(o, or, op), led(n, nr, np));
            if old_leads != new_leads {
                d.leads.push(RoleChange {
                    person: id.clone(),
                    gained: new_leads.difference(&old_leads).cloned().collect(),
                    lost: old_leads.difference(&new_leads).cloned().collect(),
                });
            }
            let (of, nf) = (o.people[op].fte, n.people[np].fte);
            if (of - nf).abs() > 1e-9 {
                d.fte.push(ValueChange {
                    person: id.clone(),
                    old: of,
                    new: nf,
                });
            }
            let (ou, nu) = (&old_units[op], &new_units[np]);
            if ou != nu {
                d.units.push(ValueChange {
                    person: id.clone(),
                    old: ou.iter().map(|u| (*u).to_owned()).collect(),
                    new: nu.iter().map(|u| (*u).to_owned()).collect(),
                });
            }
            let (oe, ne) = (o.people[op].engagement, n.people[np].engagement);
            if oe != ne {
                d.engagement.push(ValueChange {
                    person: id.clone(),
                    old: oe,
                    new: ne,
                });
            }
        }
    }
    d.raci = cell_changes(old.zip(old_r.as_ref()), new.zip(new_r.as_ref()));
    d
}

/// Letters by (activity, person) for one side.
fn cells(side: Option<(&Team, &Resolved<'_>)>) -> BTreeMap<(String, String), Letters> {
    let mut out = BTreeMap::new();
    if let Some((team, resolved)) = side {
        for row in &resolved.rows {
            let activity = &team.catalog.activities[row.activity].id;
            for (p, letters) in row.by_person.iter().enumerate() {
                if !letters.is_empty() {
                    out.insert((activity.clone(), team.people[p].id.to_string()), letters);
                }
            }
        }
    }
    out
}

fn cell_changes(
    old: Option<(&Team, &Resolved<'_>)>,
    new: Option<(&Team, &Resolved<'_>)>,
) -> Vec<CellChange> {
    let old_cells = cells(old);
    let new_cells = cells(new);
    let keys: BTreeSet<&(String, String)> = old_cells.keys().chain(new_cells.keys()).collect();
    // Keep the catalog's activity order rather than alphabetical.
    let order: BTreeMap<&str, usize> = new
        .or(old)
        .map(|(t, _)| {
            t.catalog
                .activities
                .iter()
                .enumerate()
                .map(|(i, a)| (a.id.as_str(), i))
                .collect()
        })
        .unwrap_or_default();
    let mut changes: Vec<CellChange> = keys
        .into_iter()
        .filter_map(|k| {
            let o = old_cells.get(k).copied().unwrap_or_default();
            let n = new_cells.get(k).copied().unwrap_or_default();
            (o != n).then(|| CellChange {
                activity: k.0.clone(),
                person: k.1.clone(),
                old: o,
                new: n,
            })
        })
        .collect();
    changes.sort_by_key(|c| {
        (
            order
                .get(c.activity.as_str())
                .copied()
                .unwrap_or(usize::MAX),
            c.person.clone(),
        )
    });
    changes
}

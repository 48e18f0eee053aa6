//! The catalog file format: a whole catalog, or a patch on another one (`extends`).
//! Built-in and custom catalogs are read by this same code.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::basis::{Document, choose};
use super::model::Limits;
use super::patch::{ActivityPatch, LimitsPatch, RolePatch, TeamNameSpec};
use super::raw::{CatalogProblem, RawCatalog};

/// A catalog file as written. Every field of a role or activity is optional so that a file
/// extending another catalog can change just one field. The same types generate the schema
/// a catalog file's shape is checked against.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CatalogFile {
    #[schemars(with = "Option<String>")]
    pub extends: Option<Spanned<String>>,
    #[schemars(with = "Option<String>")]
    pub id: Option<Spanned<String>>,
    pub title: Option<String>,
    pub description: Option<String>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub remove_roles: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub remove_activities: Vec<Spanned<String>>,
    pub limits: Option<LimitsPatch>,
    /// The documents the catalog's sources quote, by id.
    #[serde(default)]
    pub documents: IndexMap<String, Document>,
    /// Team names (`it-team`) and the roles their people hold.
    #[serde(default)]
    pub teams: IndexMap<String, TeamNameSpec>,
    #[serde(default)]
    #[schemars(with = "IndexMap<String, RolePatch>")]
    pub roles: IndexMap<Spanned<String>, RolePatch>,
    #[serde(default)]
    #[schemars(with = "IndexMap<String, ActivityPatch>")]
    pub activities: IndexMap<Spanned<String>, ActivityPatch>,
}

impl CatalogFile {
    /// Apply this file on top of `base` (or on nothing), collecting every problem.
    pub fn apply(
        self,
        base: Option<RawCatalog>,
        fallback_id: &str,
        problems: &mut Vec<CatalogProblem>,
    ) -> RawCatalog {
        let had_base = base.is_some();
        let mut cat = base.unwrap_or_else(|| RawCatalog {
            id: String::new(),
            title: String::new(),
            description: String::new(),
            limits: Limits::default(),
            limits_why: super::basis::LimitsWhy::default(),
            documents: IndexMap::new(),
            teams: IndexMap::new(),
            roles: IndexMap::new(),
            activities: IndexMap::new(),
            removed_roles: IndexMap::new(),
        });
        cat.removed_roles.clear();
        cat.id = self
            .id
            .map_or_else(|| fallback_id.to_owned(), Spanned::into_inner);
        if let Some(title) = self.title {
            cat.title = title;
        } else if !had_base {
            cat.title.clone_from(&cat.id);
        }
        if let Some(d) = self.description {
            cat.description = d;
        }
        cat.documents.extend(self.documents);
        for (id, team) in self.teams {
            let basis = super::basis::BasisSpec::of_entity(team.source, team.basis, team.reason);
            cat.teams.insert(
                id,
                super::raw::RawTeamName {
                    roles: team.roles,
                    basis,
                },
            );
        }
        if let Some(limits) = self.limits {
            let why = limits.why.unwrap_or_default();
            let w = &mut cat.limits_why;
            choose(
                &mut w.ra_per_fte,
                limits.ra_per_fte.is_some(),
                why.ra_per_fte,
            );
            choose(
                &mut w.roles_per_person,
                limits.roles_per_person.is_some(),
                why.roles_per_person,
            );
            if let Some(ra) = limits.ra_per_fte {
                if ra.get_ref().is_finite() && *ra.get_ref() > 0.0 {
                    cat.limits.ra_per_fte = *ra.get_ref();
                } else {
                    problems.push(CatalogProblem::new(
                        Some(ra.span()),
                        "`ra-per-fte` must be a positive number",
                        "a full-time person is usually on 10 to 30 activities",
                    ));
                }
            }
            if let Some(n) = limits.roles_per_person {
                match usize::try_from(*n.get_ref()) {
                    Ok(v) if v > 0 => cat.limits.roles_per_person = v,
                    _ => problems.push(CatalogProblem::new(
                        Some(n.span()),
                        "`roles-per-person` must be a whole number above 0",
                        "3 suits most teams; small teams wear more hats",
                    )),
                }
            }
        }
        for id in self.remove_roles {
            if cat.roles.shift_remove(id.get_ref()).is_some() {
                cat.removed_roles.insert(id.get_ref().clone(), id.span());
            } else {
                problems.push(CatalogProblem::new(
                    Some(id.span()),
                    format!(
                        "`remove-roles` names `{}`, which is not a role of the catalog extended",
                        id.get_ref()
                    ),
                    crate::diag::suggest::hint(id.get_ref(), cat.roles.keys().map(String::as_str))
                        .unwrap_or_else(|| {
                            "`teamplan catalog show` lists the roles of the catalog extended"
                                .to_owned()
                        }),
                ));
            }
        }
        for id in self.remove_activities {
            if cat.activities.shift_remove(id.get_ref()).is_none() {
                problems.push(CatalogProblem::new(
                    Some(id.span()),
                    format!(
                        "`remove-activities` names `{}`, which is not an activity of the catalog extended",
                        id.get_ref()
                    ),
                    crate::diag::suggest::hint(id.get_ref(), cat.activities.keys().map(String::as_str))
                        .unwrap_or_else(|| "`teamplan catalog show` lists the activities of the catalog extended".to_owned()),
                ));
            }
        }
        for (key, patch) in self.roles {
            let span = key.span();
            let id = key.into_inner();
            if let Some(role) = cat.roles.get_mut(&id) {
                patch.merge_into(role);
                role.span = Some(span);
            } else if let Some(role) = patch.into_new(&id, span.clone(), problems) {
                cat.roles.insert(id, role);
            }
        }
        for (key, patch) in self.activities {
            let span = key.span();
            let id = key.into_inner();
            if let Some(activity) = cat.activities.get_mut(&id) {
                patch.merge_into(activity);
                activity.span = Some(span);
            } else if let Some(activity) = patch.into_new(&id, span.clone(), problems) {
                cat.activities.insert(id, activity);
            }
        }
        cat
    }
}

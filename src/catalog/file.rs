//! The catalog file format: a whole catalog, or a patch on another one (`extends`).
//! Built-in and custom catalogs are read by this same code.

use std::ops::Range;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::model::{Area, Limits, Requirement};
use crate::input::variants;

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
    #[serde(default)]
    #[schemars(with = "IndexMap<String, RolePatch>")]
    pub roles: IndexMap<Spanned<String>, RolePatch>,
    #[serde(default)]
    #[schemars(with = "IndexMap<String, ActivityPatch>")]
    pub activities: IndexMap<Spanned<String>, ActivityPatch>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LimitsPatch {
    #[schemars(with = "Option<f64>")]
    pub ra_per_fte: Option<Spanned<f64>>,
    #[schemars(with = "Option<i64>")]
    pub roles_per_person: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RolePatch {
    pub title: Option<String>,
    pub summary: Option<String>,
    #[schemars(with = "Option<String>", extend("enum" = variants::names::<Requirement>()))]
    pub requirement: Option<Requirement>,
    pub aliases: Option<Vec<String>>,
    pub single: Option<bool>,
    pub conflicts: Option<Vec<String>>,
    pub source: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ActivityPatch {
    pub title: Option<String>,
    #[schemars(with = "Option<String>", extend("enum" = variants::names::<Area>()))]
    pub area: Option<Area>,
    pub raci: Option<RaciSpec>,
    pub must_consult: Option<Vec<String>>,
    pub must_inform: Option<Vec<String>>,
    pub keep_in_house: Option<bool>,
    pub source: Option<String>,
}

/// A RACI assignment by role id (or alias), as written in catalog files.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Default, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RaciSpec {
    pub accountable: String,
    pub responsible: Vec<String>,
    #[serde(default)]
    pub consulted: Vec<String>,
    #[serde(default)]
    pub informed: Vec<String>,
}

/// A role after merging, before its references are resolved.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct RawRole {
    pub title: String,
    pub summary: String,
    pub requirement: Requirement,
    pub aliases: Vec<String>,
    pub single: bool,
    pub conflicts: Vec<String>,
    pub source: String,
    /// Where this role was last patched, in the file being loaded.
    #[serde(skip)]
    pub span: Option<Range<usize>>,
}

/// An activity after merging, before its references are resolved.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct RawActivity {
    pub title: String,
    pub area: Area,
    pub raci: RaciSpec,
    pub must_consult: Vec<String>,
    pub must_inform: Vec<String>,
    pub keep_in_house: bool,
    pub source: String,
    #[serde(skip)]
    pub span: Option<Range<usize>>,
}

/// A whole catalog after `extends` is applied, still by name.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct RawCatalog {
    pub id: String,
    pub title: String,
    pub description: String,
    pub limits: Limits,
    pub roles: IndexMap<String, RawRole>,
    pub activities: IndexMap<String, RawActivity>,
    /// Roles this file removed, with where: references to them are reported there.
    #[serde(skip)]
    pub removed_roles: IndexMap<String, Range<usize>>,
}

/// A problem found while merging or resolving, at a span of the file being loaded.
#[derive(Debug, Clone)]
pub struct CatalogProblem {
    pub span: Option<Range<usize>>,
    pub message: String,
    pub help: String,
}

impl CatalogProblem {
    pub fn new(
        span: Option<Range<usize>>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Self {
            span,
            message: message.into(),
            help: help.into(),
        }
    }
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
        if let Some(limits) = self.limits {
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

impl RolePatch {
    fn merge_into(self, role: &mut RawRole) {
        let Self {
            title,
            summary,
            requirement,
            aliases,
            single,
            conflicts,
            source,
        } = self;
        if let Some(v) = title {
            role.title = v;
        }
        if let Some(v) = summary {
            role.summary = v;
        }
        if let Some(v) = requirement {
            role.requirement = v;
        }
        if let Some(v) = aliases {
            role.aliases = v;
        }
        if let Some(v) = single {
            role.single = v;
        }
        if let Some(v) = conflicts {
            role.conflicts = v;
        }
        if let Some(v) = source {
            role.source = v;
        }
    }

    fn into_new(
        self,
        id: &str,
        span: Range<usize>,
        problems: &mut Vec<CatalogProblem>,
    ) -> Option<RawRole> {
        let Some(title) = self.title else {
            problems.push(CatalogProblem::new(
                Some(span),
                format!("new role `{id}` has no `title`"),
                "add `title = \"...\"` (a role not in the extended catalog needs a title)",
            ));
            return None;
        };
        Some(RawRole {
            title,
            summary: self.summary.unwrap_or_default(),
            requirement: self.requirement.unwrap_or(Requirement::Optional),
            aliases: self.aliases.unwrap_or_default(),
            single: self.single.unwrap_or(false),
            conflicts: self.conflicts.unwrap_or_default(),
            source: self.source.unwrap_or_default(),
            span: Some(span),
        })
    }
}

impl ActivityPatch {
    fn merge_into(self, activity: &mut RawActivity) {
        let Self {
            title,
            area,
            raci,
            must_consult,
            must_inform,
            keep_in_house,
            source,
        } = self;
        if let Some(v) = title {
            activity.title = v;
        }
        if let Some(v) = area {
            activity.area = v;
        }
        if let Some(v) = raci {
            activity.raci = v;
        }
        if let Some(v) = must_consult {
            activity.must_consult = v;
        }
        if let Some(v) = must_inform {
            activity.must_inform = v;
        }
        if let Some(v) = keep_in_house {
            activity.keep_in_house = v;
        }
        if let Some(v) = source {
            activity.source = v;
        }
    }

    fn into_new(
        self,
        id: &str,
        span: Range<usize>,
        problems: &mut Vec<CatalogProblem>,
    ) -> Option<RawActivity> {
        let mut missing = Vec::new();
        if self.title.is_none() {
            missing.push("title");
        }
        if self.area.is_none() {
            missing.push("area");
        }
        if self.raci.is_none() {
            missing.push("raci");
        }
        if let (Some(title), Some(area), Some(raci)) = (self.title, self.area, self.raci) {
            return Some(RawActivity {
                title,
                area,
                raci,
                must_consult: self.must_consult.unwrap_or_default(),
                must_inform: self.must_inform.unwrap_or_default(),
                keep_in_house: self.keep_in_house.unwrap_or(false),
                source: self.source.unwrap_or_default(),
                span: Some(span),
            });
        }
        problems.push(CatalogProblem::new(
            Some(span),
            format!("new activity `{id}` lacks {}", missing.join(", ")),
            "an activity not in the extended catalog needs `title`, `area` and `raci = { accountable = \"...\", responsible = [\"...\"] }`",
        ));
        None
    }
}

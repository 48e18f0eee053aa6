//! The patches a catalog file makes to a role, an activity or the limits: every field
//! optional, so that a file extending another catalog changes just what it names.

use std::ops::Range;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::basis::{ActivityWhy, BasisSpec, Editorial, LimitsWhy, RoleWhy, SourceSpec, choose};
use super::model::{Area, Requirement};
use super::raw::{CatalogProblem, RaciSpec, RawActivity, RawRole};
use crate::input::variants;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LimitsPatch {
    #[schemars(with = "Option<f64>")]
    pub ra_per_fte: Option<Spanned<f64>>,
    #[schemars(with = "Option<i64>")]
    pub roles_per_person: Option<Spanned<i64>>,
    /// Why each limit is what it is.
    pub why: Option<LimitsWhy<BasisSpec>>,
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
    /// The role this role's work falls to when nobody holds it (its chain of command).
    pub reports_to: Option<String>,
    /// The passage the role comes from (or a free note).
    pub source: Option<SourceSpec>,
    /// `"editorial"`: the role is the catalog's own judgement, with a `reason`.
    pub basis: Option<Editorial>,
    pub reason: Option<String>,
    /// Why each choice about the role is what it is.
    pub why: Option<RoleWhy<BasisSpec>>,
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
    /// The passage the activity comes from (or a free note).
    pub source: Option<SourceSpec>,
    /// `"editorial"`: the activity is the catalog's own judgement, with a `reason`.
    pub basis: Option<Editorial>,
    pub reason: Option<String>,
    /// Why each choice about the activity is what it is.
    pub why: Option<ActivityWhy<BasisSpec>>,
}

/// A team name: what people call several people of these roles together (`it-team`). A
/// person listing it among their roles is told which roles it means.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TeamNameSpec {
    /// The roles the team's people hold.
    pub roles: Vec<String>,
    /// The passage the team name comes from (or a free note).
    pub source: Option<SourceSpec>,
    /// `"editorial"`: the team name is the catalog's own judgement, with a `reason`.
    pub basis: Option<Editorial>,
    pub reason: Option<String>,
}

impl RolePatch {
    pub(super) fn merge_into(self, role: &mut RawRole) {
        let Self {
            title,
            summary,
            requirement,
            aliases,
            single,
            conflicts,
            reports_to,
            source,
            basis,
            reason,
            why,
        } = self;
        let why = why.unwrap_or_default();
        choose(
            &mut role.why.requirement,
            requirement.is_some(),
            why.requirement,
        );
        choose(
            &mut role.why.reports_to,
            reports_to.is_some(),
            why.reports_to,
        );
        choose(&mut role.why.single, single.is_some(), why.single);
        choose(&mut role.why.conflicts, conflicts.is_some(), why.conflicts);
        choose(&mut role.why.aliases, aliases.is_some(), why.aliases);
        if let Some(b) = BasisSpec::of_entity(source, basis, reason) {
            role.basis = Some(b);
        }
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
        if let Some(v) = reports_to {
            role.reports_to = Some(v);
        }
    }

    pub(super) fn into_new(
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
            reports_to: self.reports_to,
            basis: BasisSpec::of_entity(self.source, self.basis, self.reason),
            why: self.why.unwrap_or_default(),
            span: Some(span),
        })
    }
}

impl ActivityPatch {
    pub(super) fn merge_into(self, activity: &mut RawActivity) {
        let Self {
            title,
            area,
            raci,
            must_consult,
            must_inform,
            keep_in_house,
            source,
            basis,
            reason,
            why,
        } = self;
        let why = why.unwrap_or_default();
        choose(&mut activity.why.raci, raci.is_some(), why.raci);
        choose(
            &mut activity.why.keep_in_house,
            keep_in_house.is_some(),
            why.keep_in_house,
        );
        choose(
            &mut activity.why.must_consult,
            must_consult.is_some(),
            why.must_consult,
        );
        choose(
            &mut activity.why.must_inform,
            must_inform.is_some(),
            why.must_inform,
        );
        if let Some(b) = BasisSpec::of_entity(source, basis, reason) {
            activity.basis = Some(b);
        }
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
    }

    pub(super) fn into_new(
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
                basis: BasisSpec::of_entity(self.source, self.basis, self.reason),
                why: self.why.unwrap_or_default(),
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

//! The resolved catalog: roles and activities with every reference turned into an index.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::basis::{ActivityWhy, Basis, Document, LimitsWhy, RoleWhy};

/// How much a catalog needs a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Requirement {
    Required,
    Recommended,
    Optional,
}

impl Requirement {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::Recommended => "recommended",
            Self::Optional => "optional",
        }
    }
}

/// The business area an activity belongs to; rows of a RACI matrix are grouped by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Area {
    Strategy,
    Merchandising,
    Marketing,
    Technology,
    Operations,
    Customer,
    Content,
    Analytics,
    Finance,
    Compliance,
}

impl Area {
    pub const ALL: [Area; 10] = [
        Area::Strategy,
        Area::Merchandising,
        Area::Marketing,
        Area::Technology,
        Area::Operations,
        Area::Customer,
        Area::Content,
        Area::Analytics,
        Area::Finance,
        Area::Compliance,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Area::Strategy => "strategy",
            Area::Merchandising => "merchandising",
            Area::Marketing => "marketing",
            Area::Technology => "technology",
            Area::Operations => "operations",
            Area::Customer => "customer",
            Area::Content => "content",
            Area::Analytics => "analytics",
            Area::Finance => "finance",
            Area::Compliance => "compliance",
        }
    }
}

/// Per-person limits used by the `overloaded` rule.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Limits {
    /// Activities a full-time person may be accountable or responsible for.
    pub ra_per_fte: f64,
    /// Roles one person may hold.
    pub roles_per_person: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            ra_per_fte: 15.0,
            roles_per_person: 3,
        }
    }
}

/// Index of a role in [`Catalog::roles`].
pub type RoleIdx = usize;
/// Index of an activity in [`Catalog::activities`].
pub type ActivityIdx = usize;

/// A role of a resolved catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Role {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub requirement: Requirement,
    pub aliases: Vec<String>,
    pub single: bool,
    pub conflicts: Vec<RoleIdx>,
    /// The role its work falls to when nobody holds it.
    pub reports_to: Option<RoleIdx>,
    /// Why the role is in the catalog.
    pub basis: Option<Basis>,
    /// Why each choice about it is what it is.
    pub why: RoleWhy<Basis>,
}

/// A team name and the roles its people hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamName {
    pub id: String,
    pub roles: Vec<RoleIdx>,
    pub basis: Option<Basis>,
}

/// The default assignment of an activity, by role.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Raci {
    pub accountable: RoleIdx,
    pub responsible: Vec<RoleIdx>,
    pub consulted: Vec<RoleIdx>,
    pub informed: Vec<RoleIdx>,
}

/// An activity (a responsibility) of a resolved catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub id: String,
    pub title: String,
    pub area: Area,
    pub raci: Raci,
    pub must_consult: Vec<RoleIdx>,
    pub must_inform: Vec<RoleIdx>,
    pub keep_in_house: bool,
    /// Why the activity is in the catalog.
    pub basis: Option<Basis>,
    /// Why each choice about it is what it is.
    pub why: ActivityWhy<Basis>,
}

/// A catalog ready for use: every role reference is an index, every alias is known.
///
/// Serialized (without the lookups, which [`Catalog::index`] rebuilds) is how the built-in
/// catalogs are compiled in.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Catalog {
    pub id: String,
    pub title: String,
    pub description: String,
    pub limits: Limits,
    pub limits_why: LimitsWhy<Basis>,
    /// The documents the sources quote, by id.
    pub documents: IndexMap<String, Document>,
    /// Team names (`it-team`): what people call several people of these roles together.
    pub teams: Vec<TeamName>,
    pub roles: Vec<Role>,
    pub activities: Vec<Activity>,
    // foldhash, not SipHash: every role reference of every person is looked up here, and
    // catalog ids are not attacker-chosen keys of a long-lived map.
    #[serde(skip)]
    pub(crate) role_lookup: foldhash::HashMap<String, RoleIdx>,
    #[serde(skip)]
    pub(crate) activity_lookup: foldhash::HashMap<String, ActivityIdx>,
}

impl Catalog {
    /// Build the lookups by id and alias from the roles and activities.
    #[must_use]
    pub fn index(mut self) -> Self {
        self.role_lookup.clear();
        self.role_lookup.reserve(self.roles.len() * 2);
        for (idx, role) in self.roles.iter().enumerate() {
            self.role_lookup.insert(role.id.clone(), idx);
            for alias in &role.aliases {
                self.role_lookup.insert(alias.clone(), idx);
            }
        }
        self.activity_lookup = self
            .activities
            .iter()
            .enumerate()
            .map(|(idx, a)| (a.id.clone(), idx))
            .collect();
        self
    }

    /// Each role's main area: where it is accountable or responsible for the most
    /// activities (on a tie, the first in the order of areas; None for a role accountable
    /// or responsible for nothing).
    #[must_use]
    pub fn main_areas(&self) -> Vec<Option<Area>> {
        let mut counts: Vec<Vec<(Area, usize)>> = vec![Vec::new(); self.roles.len()];
        for a in &self.activities {
            let mut roles: Vec<RoleIdx> = a.raci.responsible.clone();
            roles.push(a.raci.accountable);
            roles.sort_unstable();
            roles.dedup();
            for r in roles {
                if let Some(c) = counts.get_mut(r) {
                    match c.iter_mut().find(|(area, _)| *area == a.area) {
                        Some((_, n)) => *n += 1,
                        None => c.push((a.area, 1)),
                    }
                }
            }
        }
        counts
            .into_iter()
            .map(|c| {
                c.into_iter()
                    .max_by(|(a, x), (b, y)| x.cmp(y).then(b.cmp(a)))
                    .map(|(area, _)| area)
            })
            .collect()
    }

    /// Find a role by id or alias.
    #[must_use]
    pub fn role(&self, id_or_alias: &str) -> Option<RoleIdx> {
        self.role_lookup.get(id_or_alias).copied()
    }

    /// Find an activity by id.
    #[must_use]
    pub fn activity(&self, id: &str) -> Option<ActivityIdx> {
        self.activity_lookup.get(id).copied()
    }

    /// Every id and alias a role reference may use, for "did you mean".
    pub fn role_names(&self) -> impl Iterator<Item = &str> {
        self.role_lookup.keys().map(String::as_str)
    }

    /// A team name (`it-team`), if `name` is one.
    #[must_use]
    pub fn team_name(&self, name: &str) -> Option<&TeamName> {
        self.teams.iter().find(|t| t.id == name)
    }

    /// Every activity id, for "did you mean".
    pub fn activity_names(&self) -> impl Iterator<Item = &str> {
        self.activities.iter().map(|a| a.id.as_str())
    }

    /// The ids of the given roles.
    #[must_use]
    pub fn role_ids(&self, roles: &[RoleIdx]) -> Vec<String> {
        roles.iter().map(|&r| self.roles[r].id.clone()).collect()
    }
}

//! Catalogs as data for `catalog show`: the JSON shape and a complete TOML catalog file
//! that loads back unchanged.

use indexmap::IndexMap;
use serde::Serialize;

use super::model::{Catalog, Limits, Raci, Role, RoleIdx};

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct TomlRole<'a> {
    title: &'a str,
    summary: &'a str,
    requirement: &'a str,
    aliases: &'a [String],
    single: bool,
    conflicts: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reports_to: Option<&'a str>,
    source: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct RaciIds<'a> {
    accountable: &'a str,
    responsible: Vec<&'a str>,
    consulted: Vec<&'a str>,
    informed: Vec<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct TomlActivity<'a> {
    title: &'a str,
    area: &'a str,
    raci: RaciIds<'a>,
    must_consult: Vec<&'a str>,
    must_inform: Vec<&'a str>,
    keep_in_house: bool,
    source: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct TomlCatalog<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    limits: Limits,
    roles: IndexMap<&'a str, TomlRole<'a>>,
    activities: IndexMap<&'a str, TomlActivity<'a>>,
}

fn ids<'a>(c: &'a Catalog, roles: &[RoleIdx]) -> Vec<&'a str> {
    roles.iter().map(|&r| c.roles[r].id.as_str()).collect()
}

fn raci_ids<'a>(c: &'a Catalog, raci: &Raci) -> RaciIds<'a> {
    RaciIds {
        accountable: &c.roles[raci.accountable].id,
        responsible: ids(c, &raci.responsible),
        consulted: ids(c, &raci.consulted),
        informed: ids(c, &raci.informed),
    }
}

/// A complete catalog file (no `extends`): a starting point for a custom catalog.
///
/// # Errors
/// Serialization failure (not expected for catalog data).
pub fn to_toml(c: &Catalog) -> anyhow::Result<String> {
    let doc = TomlCatalog {
        id: &c.id,
        title: &c.title,
        description: &c.description,
        limits: c.limits,
        roles: c
            .roles
            .iter()
            .map(|r| (r.id.as_str(), role_fields(c, r)))
            .collect(),
        activities: c
            .activities
            .iter()
            .map(|a| {
                (
                    a.id.as_str(),
                    TomlActivity {
                        title: &a.title,
                        area: a.area.as_str(),
                        raci: raci_ids(c, &a.raci),
                        must_consult: ids(c, &a.must_consult),
                        must_inform: ids(c, &a.must_inform),
                        keep_in_house: a.keep_in_house,
                        source: &a.source,
                    },
                )
            })
            .collect(),
    };
    let body = toml::to_string_pretty(&doc)?;
    Ok(format!(
        "# The `{}` catalog of teamplan, complete. Edit it into a custom catalog, or keep just your\n# changes in a file that starts with `extends = \"{}\"`.\n\n{body}",
        c.id, c.id
    ))
}

/// A role's fields are single words, so one shape serves both TOML (keyed by id) and JSON
/// (with the id inside).
#[derive(Serialize)]
struct JsonRole<'a> {
    id: &'a str,
    #[serde(flatten)]
    fields: TomlRole<'a>,
}

fn role_fields<'a>(c: &'a Catalog, r: &'a Role) -> TomlRole<'a> {
    TomlRole {
        title: &r.title,
        summary: &r.summary,
        requirement: r.requirement.as_str(),
        aliases: &r.aliases,
        single: r.single,
        conflicts: ids(c, &r.conflicts),
        reports_to: r.reports_to.map(|to| c.roles[to].id.as_str()),
        source: &r.source,
    }
}

#[derive(Serialize)]
struct JsonActivity<'a> {
    id: &'a str,
    title: &'a str,
    area: &'a str,
    raci: RaciIds<'a>,
    must_consult: Vec<&'a str>,
    must_inform: Vec<&'a str>,
    keep_in_house: bool,
    source: &'a str,
}

#[derive(Serialize)]
struct JsonCatalog<'a> {
    version: u32,
    id: &'a str,
    title: &'a str,
    description: &'a str,
    limits: Limits,
    roles: Vec<JsonRole<'a>>,
    activities: Vec<JsonActivity<'a>>,
}

/// The stable JSON shape of `catalog show --format json`.
#[must_use]
pub fn to_json(c: &Catalog) -> String {
    let doc = JsonCatalog {
        version: 1,
        id: &c.id,
        title: &c.title,
        description: &c.description,
        limits: c.limits,
        roles: c
            .roles
            .iter()
            .map(|r| JsonRole {
                id: &r.id,
                fields: role_fields(c, r),
            })
            .collect(),
        activities: c
            .activities
            .iter()
            .map(|a| JsonActivity {
                id: &a.id,
                title: &a.title,
                area: a.area.as_str(),
                raci: raci_ids(c, &a.raci),
                must_consult: ids(c, &a.must_consult),
                must_inform: ids(c, &a.must_inform),
                keep_in_house: a.keep_in_house,
                source: &a.source,
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

//! Catalogs as data for `catalog show`: the JSON shape and a complete TOML catalog file
//! that loads back unchanged.

use indexmap::IndexMap;
use serde::Serialize;

use super::basis::{Basis, BasisSpec, Choices, Document};
use super::model::{Catalog, Limits, Raci, Role, RoleIdx};

/// A role's or an activity's own basis, in a catalog file: `source = { ... }` (or a note),
/// or `basis = "editorial"` and its `reason`; and the bases of its choices under `why`.
/// JSON writes the same keys, with `"source"` and `"basis"` always present.
#[derive(Serialize)]
struct Grounds<'a, const JSON: bool> {
    #[serde(skip_serializing_if = "absent_in_file::<_, JSON>")]
    source: Option<SourceOut<'a>>,
    #[serde(skip_serializing_if = "absent_in_file::<_, JSON>")]
    basis: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    #[serde(skip_serializing_if = "empty_in_file::<JSON>")]
    why: IndexMap<&'static str, BasisSpec>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum SourceOut<'a> {
    Note(&'a str),
    Passage {
        document: &'a str,
        section: &'a str,
        quote: &'a str,
    },
}

/// The bases of the choices that have one, by choice.
fn why_out<W: Choices<Basis>>(why: &W) -> IndexMap<&'static str, BasisSpec> {
    why.each()
        .into_iter()
        .map(|(key, b)| (key, BasisSpec::from(b)))
        .collect()
}

/// A file leaves out an empty `why`; JSON always has one.
fn empty_in_file<const JSON: bool>(why: &IndexMap<&'static str, BasisSpec>) -> bool {
    why.is_empty() && !JSON
}

/// A team name as written: its roles, and why it is there.
#[derive(Serialize)]
struct TeamOut<'a> {
    roles: Vec<&'a str>,
    #[serde(flatten)]
    grounds: Grounds<'a, false>,
}

fn teams_out(c: &Catalog) -> IndexMap<&str, TeamOut<'_>> {
    c.teams
        .iter()
        .map(|t| {
            let none = super::basis::RoleWhy::default();
            let grounds: Grounds<'_, false> = grounds(t.basis.as_ref(), &none);
            (
                t.id.as_str(),
                TeamOut {
                    roles: ids(c, &t.roles),
                    grounds,
                },
            )
        })
        .collect()
}

/// A file has no null: an absent basis is no key. JSON says `null`.
#[allow(
    clippy::ref_option,
    reason = "serde's `skip_serializing_if` passes `&Option`"
)]
fn absent_in_file<T, const JSON: bool>(v: &Option<T>) -> bool {
    v.is_none() && !JSON
}

fn grounds<'a, W: Choices<Basis>, const JSON: bool>(
    basis: Option<&'a Basis>,
    why: &W,
) -> Grounds<'a, JSON> {
    let (source, kind, reason) = match basis {
        Some(Basis::Source {
            document,
            section,
            quote,
        }) => (
            Some(SourceOut::Passage {
                document,
                section,
                quote,
            }),
            Some("source"),
            None,
        ),
        Some(Basis::Editorial { reason }) => (None, Some("editorial"), Some(reason.as_str())),
        Some(Basis::Note(note)) => (Some(SourceOut::Note(note)), Some("note"), None),
        None => (None, None, None),
    };
    Grounds {
        source,
        // A file says `basis` only when it is editorial; JSON says which it is.
        basis: kind.filter(|k| JSON || *k == "editorial"),
        reason,
        why: why_out(why),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct TomlRole<'a, const JSON: bool> {
    title: &'a str,
    summary: &'a str,
    requirement: &'a str,
    aliases: &'a [String],
    single: bool,
    conflicts: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reports_to: Option<&'a str>,
    #[serde(flatten)]
    grounds: Grounds<'a, JSON>,
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
    #[serde(flatten)]
    grounds: Grounds<'a, false>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct LimitsOut<'a> {
    #[serde(flatten)]
    limits: Limits,
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    why: IndexMap<&'static str, BasisSpec>,
    #[serde(skip)]
    _c: std::marker::PhantomData<&'a ()>,
}

fn limits_out(c: &Catalog) -> LimitsOut<'_> {
    LimitsOut {
        limits: c.limits,
        why: why_out(&c.limits_why),
        _c: std::marker::PhantomData,
    }
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct TomlCatalog<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    documents: &'a IndexMap<String, Document>,
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    teams: IndexMap<&'a str, TeamOut<'a>>,
    limits: LimitsOut<'a>,
    roles: IndexMap<&'a str, TomlRole<'a, false>>,
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
        documents: &c.documents,
        teams: teams_out(c),
        limits: limits_out(c),
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
                        grounds: grounds(a.basis.as_ref(), &a.why),
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
    fields: TomlRole<'a, true>,
}

fn role_fields<'a, const JSON: bool>(c: &'a Catalog, r: &'a Role) -> TomlRole<'a, JSON> {
    TomlRole {
        title: &r.title,
        summary: &r.summary,
        requirement: r.requirement.as_str(),
        aliases: &r.aliases,
        single: r.single,
        conflicts: ids(c, &r.conflicts),
        reports_to: r.reports_to.map(|to| c.roles[to].id.as_str()),
        grounds: grounds(r.basis.as_ref(), &r.why),
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
    #[serde(flatten)]
    grounds: Grounds<'a, true>,
}

#[derive(Serialize)]
struct JsonCatalog<'a> {
    version: u32,
    id: &'a str,
    title: &'a str,
    description: &'a str,
    documents: &'a IndexMap<String, Document>,
    teams: IndexMap<&'a str, TeamOut<'a>>,
    limits: LimitsOut<'a>,
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
        documents: &c.documents,
        teams: teams_out(c),
        limits: limits_out(c),
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
                grounds: grounds(a.basis.as_ref(), &a.why),
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

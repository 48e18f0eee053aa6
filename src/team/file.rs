//! The team file as written, deserialized with the spans findings point at. The same types
//! generate the JSON Schema (`teamplan schema`), so the schema cannot drift from the parser.

use indexmap::IndexMap;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::diag::rule::{LintLevel, Rule};

/// A teamplan team file: the team, its people, optional RACI overrides and rule levels. Or
/// an org file: the `[org]` table (with optional `[limits]` and `[rules]`), whose folder's
/// team files are its units.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "teamplan team file")]
pub struct TeamFile {
    /// The team: its name and the role catalog it is checked against.
    #[schemars(with = "Option<TeamSection>")]
    pub team: Option<Spanned<TeamSection>>,
    /// An org: every team file in this file's folder and below is a unit of it.
    #[schemars(with = "Option<OrgSection>")]
    pub org: Option<Spanned<OrgSection>>,
    /// The org's own limits, in place of its catalog's (an org file only).
    #[schemars(with = "Option<OrgLimits>")]
    pub limits: Option<Spanned<OrgLimits>>,
    /// The people of the team, by id (the table key).
    #[serde(default)]
    #[schemars(with = "IndexMap<String, PersonEntry>")]
    // foldhash: inserting 100k people keys is a visible part of loading a big team file.
    pub people: IndexMap<Spanned<String>, Spanned<PersonEntry>, foldhash::fast::RandomState>,
    /// Overrides of the catalog's RACI, by activity id: each replaces that activity's
    /// assignments entirely.
    #[serde(default)]
    #[schemars(with = "IndexMap<String, RaciEntry>")]
    pub raci: IndexMap<Spanned<String>, Spanned<RaciEntry>>,
    /// Rule levels for this team (the command line's --allow/--warn/--deny win).
    #[serde(default)]
    #[schemars(schema_with = "rules_schema")]
    pub rules: IndexMap<Spanned<String>, Spanned<LintLevel>>,
}

/// The `[team]` table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TeamSection {
    /// The team's name, unique across the files checked together.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// A built-in catalog (b2b, b2c, d2c, small-team, or a department: marketing-team, it-team, warehouse-team) or a path to a custom
    /// catalog file, relative to this file. A unit of an org may leave it out (the org's),
    /// or name a department catalog whose coverage is checked inside the unit.
    #[serde(default)]
    #[schemars(schema_with = "catalog_schema")]
    pub catalog: Option<Spanned<String>>,
    /// What the team does, in a line.
    pub description: Option<String>,
    /// The currency of the people's `cost` (ISO 4217, e.g. "EUR"); a unit takes its org's.
    #[schemars(with = "Option<String>", regex(pattern = "^[A-Z]{3}$"))]
    pub currency: Option<Spanned<String>>,
}

/// The `[org]` table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OrgSection {
    /// The org's name.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// The catalog the whole org is checked against: a built-in one or a custom catalog file.
    #[schemars(schema_with = "catalog_schema")]
    pub catalog: Spanned<String>,
    /// What the org does, in a line.
    pub description: Option<String>,
    /// The currency of costs in the org's units (ISO 4217, e.g. "EUR").
    #[schemars(with = "Option<String>", regex(pattern = "^[A-Z]{3}$"))]
    pub currency: Option<Spanned<String>>,
}

/// The `[limits]` table of an org file: each limit replaces the catalog's.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OrgLimits {
    /// Activities a full-time person may be accountable or responsible for.
    #[schemars(with = "Option<f64>", extend("exclusiveMinimum" = 0.0))]
    pub ra_per_fte: Option<Spanned<f64>>,
    /// Roles one person may hold.
    #[schemars(range(min = 1))]
    pub roles_per_person: Option<usize>,
}

/// How a person works for the team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Engagement {
    /// On staff (the default).
    #[default]
    Employee,
    /// An individual contractor.
    Contractor,
    /// An agency or outside company.
    Agency,
}

impl Engagement {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Employee => "employee",
            Self::Contractor => "contractor",
            Self::Agency => "agency",
        }
    }
}

/// A `[people.ID]` table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PersonEntry {
    /// The person's name (defaults to the id).
    pub name: Option<String>,
    /// Role ids or aliases from the catalog.
    #[schemars(with = "Option<Vec<String>>")]
    pub roles: Option<Spanned<Vec<Spanned<String>>>>,
    /// The share of their time given to this team: more than 0, at most 1 (default 1.0).
    #[schemars(with = "Option<f64>", range(max = 1.0), extend("exclusiveMinimum" = 0.0))]
    pub fte: Option<Spanned<f64>>,
    /// employee (default), contractor or agency.
    pub engagement: Option<Engagement>,
    /// Contact address, compared across team files.
    pub email: Option<String>,
    /// The roles, of their own, this person leads: when several people hold a role, its lead
    /// is the one accountable.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub leads: Vec<Spanned<String>>,
    /// The first day this person works for the team: a TOML date (`2027-03-01`, no quotes),
    /// inclusive. Required for an open position.
    #[schemars(with = "Option<String>", extend("format" = "date"))]
    pub start: Option<Spanned<toml::value::Datetime>>,
    /// The last day this person works for the team: a TOML date, inclusive.
    #[schemars(with = "Option<String>", extend("format" = "date"))]
    pub end: Option<Spanned<toml::value::Datetime>>,
    /// `open`: a position to hire, which holds no role until it is filled (then remove the
    /// line). `filled` (the default): a person.
    pub status: Option<Status>,
    /// The person id of the leaver this position (or the person hired into it) replaces:
    /// the pair is never counted twice.
    #[schemars(with = "Option<String>")]
    pub backfills: Option<Spanned<String>>,
    /// What this person costs per year at this fte, in the team's `currency`.
    #[schemars(with = "Option<f64>", range(min = 0.0, max = 1e12))]
    pub cost: Option<Spanned<f64>>,
}

/// Whether a `[people.ID]` entry is a person or a position to hire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// A person on the team (the default).
    #[default]
    Filled,
    /// A position to hire: it holds no role until filled.
    Open,
}

/// A `[raci.ACTIVITY]` table. Names are person ids or role ids (a role means everyone
/// holding it). Each key replaces the catalog's letter it names; a letter left out stays the
/// catalog's (`consulted = []` clears it).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RaciEntry {
    /// Who answers for the activity: exactly one.
    #[schemars(with = "Option<String>")]
    pub accountable: Option<Spanned<String>>,
    /// Who does the work.
    #[schemars(with = "Option<Vec<String>>")]
    pub responsible: Option<Vec<Spanned<String>>>,
    /// Whose opinion is sought before.
    #[schemars(with = "Option<Vec<String>>")]
    pub consulted: Option<Vec<Spanned<String>>>,
    /// Who is told after.
    #[schemars(with = "Option<Vec<String>>")]
    pub informed: Option<Vec<Spanned<String>>>,
}

fn rules_schema(_: &mut SchemaGenerator) -> Schema {
    let level = json_schema!({ "type": "string", "enum": ["allow", "warn", "deny"] });
    let properties: serde_json::Map<String, serde_json::Value> = Rule::configurable()
        .map(|r| {
            let mut schema = level.clone();
            schema.insert("description".into(), r.summary().into());
            (r.name().to_owned(), schema.into())
        })
        .collect();
    json_schema!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false
    })
}

fn catalog_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "anyOf": [
            { "type": "string", "enum": crate::catalog::BUILTIN_IDS },
            { "type": "string", "pattern": "\\.toml$", "description": "a custom catalog file, relative to the team file" }
        ]
    })
}

/// The JSON Schema of team files, generated from the types above: the loader checks a file's
/// shape against it before serde reads the file.
#[must_use]
pub fn schema() -> Schema {
    schemars::schema_for!(TeamFile)
}

/// The JSON Schema of team files, pretty-printed. With a catalog, its role ids and aliases
/// are the values a person's `roles` may hold and its activity ids the keys of `[raci]`,
/// so an editor completes them (and flags a misspelt one).
#[must_use]
pub fn schema_json(catalog: Option<&crate::catalog::Catalog>) -> String {
    let mut schema = schema();
    if let Some(c) = catalog {
        let names: Vec<&str> = c
            .roles
            .iter()
            .flat_map(|r| std::iter::once(&r.id).chain(&r.aliases))
            .map(String::as_str)
            .collect();
        for list in ["roles", "leads"] {
            let at = format!("/$defs/PersonEntry/properties/{list}/items");
            if let Some(items) = schema.pointer_mut(&at) {
                *items = serde_json::json!({ "type": "string", "enum": names });
            }
        }
        let activities: serde_json::Map<String, serde_json::Value> = c
            .activities
            .iter()
            .map(|a| {
                (
                    a.id.clone(),
                    serde_json::json!({ "$ref": "#/$defs/RaciEntry", "description": a.title }),
                )
            })
            .collect();
        if let Some(serde_json::Value::Object(raci)) = schema.pointer_mut("/properties/raci") {
            raci.insert("properties".into(), serde_json::Value::Object(activities));
            raci.insert(
                "additionalProperties".into(),
                serde_json::Value::Bool(false),
            );
        }
        // The completions are this catalog's: a built-in one is the catalog the file names.
        if crate::catalog::BUILTIN_IDS.contains(&c.id.as_str()) {
            if let Some(catalog) = schema.pointer_mut("/$defs/TeamSection/properties/catalog") {
                *catalog = serde_json::json!({
                    "description": format!("The `{}` catalog this schema completes roles and activities of.", c.id),
                    "type": "string",
                    "enum": [c.id],
                });
            }
        }
        schema.insert(
            "description".into(),
            format!("A teamplan team file, for the `{}` catalog.", c.id).into(),
        );
    }
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

//! Backstage catalog entities of the teams checked: a `Group` per org (`organization`) and
//! per team or unit (`team`, a unit's parent its org), a `User` per person (a person of
//! several units or teams is one user, a member of each), as one multi-document YAML file.
//!
//! Backstage has no field for a person's roles, leads, fte or engagement: they go in
//! `metadata.annotations` under [`PREFIX`]. The YAML is written by `serde-saphyr`, the one
//! escaper of this output: any name, with quotes, `:`, `---`, a newline or ESC, is quoted or
//! escaped so that it reads back as the same string.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::diag::words::fte;
use crate::team::{Person, Team};

/// The `apiVersion` of every entity.
pub const API_VERSION: &str = "backstage.io/v1alpha1";

/// The prefix of teamplan's annotations.
pub const PREFIX: &str = "teamplan.dev/";

/// The longest entity name (and namespace) Backstage accepts.
pub const MAX_NAME: usize = 63;

/// The first lines of every export: where it comes from and that it is not edited by hand.
const HEADER: &str = "# Backstage catalog entities written by `teamplan export --format backstage`.\n# Edit the team files and export again: changes made here are lost.\n";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Entity<'a> {
    api_version: &'static str,
    kind: &'static str,
    metadata: Metadata<'a>,
    spec: Spec<'a>,
}

#[derive(Serialize)]
struct Metadata<'a> {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    namespace: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    annotations: BTreeMap<String, String>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Spec<'a> {
    Group(GroupSpec<'a>),
    User(UserSpec<'a>),
}

#[derive(Serialize)]
struct GroupSpec<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    profile: Profile<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<String>,
    children: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct UserSpec<'a> {
    profile: Profile<'a>,
    member_of: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Profile<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    display_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
}

/// Whether `name` is a Backstage entity name as teamplan writes them: 1 to 63 characters,
/// runs of `[a-z0-9]` joined by single `-`, `_` or `.`.
#[must_use]
pub fn is_entity_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= MAX_NAME
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(b))
        && bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
        && !bytes
            .windows(2)
            .any(|w| !w[0].is_ascii_alphanumeric() && !w[1].is_ascii_alphanumeric())
}

/// Whether `namespace` is a Backstage namespace: 1 to 63 characters, runs of `[a-z0-9]`
/// joined by single `-`.
#[must_use]
pub fn is_namespace(namespace: &str) -> bool {
    is_entity_name(namespace) && !namespace.contains(['_', '.'])
}

/// `raw` as an entity name: letters transliterated to ASCII and lower-cased, every run of
/// other characters one `-`, cut to `max` characters; `fallback` when nothing is left.
fn slug(raw: &str, max: usize, fallback: &str) -> String {
    let mut out = String::new();
    for c in deunicode::deunicode(raw).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(max);
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out.to_owned()
    }
}

/// Distinct entity names for `raws` (of one kind), in order. A raw name that already is
/// an entity name is kept, so the names people chose as ids never change; any other is made
/// one by [`slug`], with `-2`, `-3`, … when another has that name.
fn entity_names(raws: &[&str], fallback: &str) -> Vec<String> {
    let mut taken: HashSet<String> = raws
        .iter()
        .filter(|r| is_entity_name(r))
        .map(|r| (*r).to_owned())
        .collect();
    raws.iter()
        .map(|raw| {
            if is_entity_name(raw) {
                return (*raw).to_owned();
            }
            let base = slug(raw, MAX_NAME, fallback);
            let mut name = base.clone();
            let mut n = 2;
            while taken.contains(&name) {
                let suffix = format!("-{n}");
                name = format!("{}{suffix}", slug(&base, MAX_NAME - suffix.len(), fallback));
                n += 1;
            }
            taken.insert(name.clone());
            name
        })
        .collect()
}

fn non_empty(text: &str) -> Option<&str> {
    Some(text).filter(|t| !t.trim().is_empty())
}

/// A team, unit or org as a group.
struct GroupOf<'t> {
    name: &'t str,
    description: Option<&'t str>,
    kind: &'static str,
    /// The org group's index, for a unit.
    parent: Option<usize>,
    annotations: BTreeMap<String, String>,
}

/// The YAML of the Backstage entities of `teams` (orgs with their units, and teams checked
/// alone), every entity in `namespace` when one is given.
///
/// # Errors
/// The YAML cannot be written (it always can: every value is a string or a list of them).
pub fn render(teams: &[Team], namespace: Option<&str>) -> Result<String, serde_saphyr::ser::Error> {
    let mut groups: Vec<GroupOf<'_>> = Vec::new();
    // Each person once, by id, in the order first met; and the groups they are in.
    let mut people: Vec<&Person> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut member_of: Vec<Vec<usize>> = Vec::new();
    for team in teams {
        let catalog = [(format!("{PREFIX}catalog"), team.catalog.id.clone())];
        let Some(org) = &team.org else {
            groups.push(GroupOf {
                name: &team.name,
                description: team.description.as_deref(),
                kind: "team",
                parent: None,
                annotations: catalog.into_iter().collect(),
            });
            let group = groups.len() - 1;
            for person in &team.people {
                member(&mut people, &mut index, &mut member_of, person, group);
            }
            continue;
        };
        groups.push(GroupOf {
            name: &team.name,
            description: team.description.as_deref(),
            kind: "organization",
            parent: None,
            annotations: catalog.into_iter().collect(),
        });
        let parent = groups.len() - 1;
        for unit in &org.units {
            let mut annotations = BTreeMap::new();
            if let Some(department) = &unit.department {
                annotations.insert(format!("{PREFIX}department"), department.id.clone());
            }
            groups.push(GroupOf {
                name: &unit.name,
                description: unit.description.as_deref(),
                kind: "team",
                parent: Some(parent),
                annotations,
            });
            let group = groups.len() - 1;
            for &p in &unit.people {
                if let Some(person) = team.people.get(p) {
                    member(&mut people, &mut index, &mut member_of, person, group);
                }
            }
        }
    }
    let group_names = entity_names(&groups.iter().map(|g| g.name).collect::<Vec<_>>(), "team");
    let user_names = entity_names(
        &people.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        "person",
    );
    let mut entities = Vec::with_capacity(groups.len() + people.len());
    for (i, group) in groups.iter().enumerate() {
        let children = groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.parent == Some(i))
            .map(|(c, _)| group_names[c].clone())
            .collect();
        entities.push(Entity {
            api_version: API_VERSION,
            kind: "Group",
            metadata: Metadata {
                name: group_names[i].clone(),
                namespace,
                description: group.description.and_then(non_empty),
                annotations: group.annotations.clone(),
            },
            spec: Spec::Group(GroupSpec {
                kind: group.kind,
                profile: Profile {
                    display_name: non_empty(group.name),
                    email: None,
                },
                parent: group.parent.map(|p| group_names[p].clone()),
                children,
            }),
        });
    }
    for (i, person) in people.iter().enumerate() {
        entities.push(Entity {
            api_version: API_VERSION,
            kind: "User",
            metadata: Metadata {
                name: user_names[i].clone(),
                namespace,
                description: None,
                annotations: user_annotations(person),
            },
            spec: Spec::User(UserSpec {
                profile: Profile {
                    display_name: non_empty(&person.name),
                    email: person.email.as_deref().and_then(non_empty),
                },
                member_of: member_of[i]
                    .iter()
                    .map(|&g| group_names[g].clone())
                    .collect(),
            }),
        });
    }
    let yaml = serde_saphyr::to_string_multiple(&entities)?;
    Ok(format!("{HEADER}---\n{yaml}"))
}

/// Add `person` to `group` (once), as a new person the first time their id is met.
fn member<'t>(
    people: &mut Vec<&'t Person>,
    index: &mut HashMap<&'t str, usize>,
    member_of: &mut Vec<Vec<usize>>,
    person: &'t Person,
    group: usize,
) {
    let i = *index.entry(person.id.as_str()).or_insert_with(|| {
        people.push(person);
        member_of.push(Vec::new());
        people.len() - 1
    });
    if !member_of[i].contains(&group) {
        member_of[i].push(group);
    }
}

/// What Backstage has no field for: the person's id as written, roles, leads, fte and
/// engagement.
fn user_annotations(person: &Person) -> BTreeMap<String, String> {
    let list = |refs: &[crate::team::Ref]| {
        refs.iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = BTreeMap::new();
    out.insert(format!("{PREFIX}id"), person.id.to_string());
    if !person.roles.is_empty() {
        out.insert(format!("{PREFIX}roles"), list(&person.roles));
    }
    if !person.leads.is_empty() {
        out.insert(format!("{PREFIX}leads"), list(&person.leads));
    }
    out.insert(format!("{PREFIX}fte"), fte(person.fte));
    out.insert(
        format!("{PREFIX}engagement"),
        person.engagement.as_str().to_owned(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::{entity_names, is_entity_name, is_namespace, slug};

    #[test]
    fn names_follow_backstages_rule() {
        for good in ["a", "maya", "maya.ortiz", "a-b_c.d", "x1", &"a".repeat(63)] {
            assert!(is_entity_name(good), "{good}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "a-.b",
            "Maya",
            "a b",
            "é",
            &"a".repeat(64),
        ] {
            assert!(!is_entity_name(bad), "{bad}");
        }
        assert!(is_namespace("acme-retail"));
        assert!(!is_namespace("acme_retail"));
    }

    #[test]
    fn slugs_transliterate_and_join_runs() {
        assert_eq!(
            slug("Digital & E-commerce", 63, "team"),
            "digital-e-commerce"
        );
        assert_eq!(slug("José Núñez", 63, "person"), "jose-nunez");
        assert_eq!(slug("!!!", 63, "person"), "person");
        assert_eq!(slug(&"ab ".repeat(40), 63, "x").len(), 62);
    }

    #[test]
    fn names_are_distinct_and_valid_ids_keep_their_own() {
        let names = entity_names(&["Maya", "maya", "MAYA", "ops team", "ops-team"], "person");
        assert_eq!(
            names,
            ["maya-2", "maya", "maya-3", "ops-team-2", "ops-team"]
        );
        let long = "x".repeat(70);
        let names = entity_names(&[&long, &long.to_uppercase()], "person");
        assert!(names.iter().all(|n| is_entity_name(n)), "{names:?}");
        assert_ne!(names[0], names[1]);
    }
}

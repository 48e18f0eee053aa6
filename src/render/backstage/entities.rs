//! The entities and their YAML.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_saphyr::DoubleQuoted;

use crate::team::Team;

use super::names::{MAX_NAME, distinct, is_entity_name, slug};
use super::people::{PREFIX, UserOf, add_user, user_annotations};

/// The `apiVersion` of every entity.
pub const API_VERSION: &str = "backstage.io/v1alpha1";

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

/// Every string from a team file is written double-quoted: one line whatever it holds (a
/// newline is `\n`, so no line of the output can start with what a CI log reads as a
/// command), and a character a terminal acts on can be escaped in it.
type Text<'a> = DoubleQuoted<&'a str>;

#[derive(Serialize)]
struct Metadata<'a> {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    namespace: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<Text<'a>>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    annotations: BTreeMap<String, DoubleQuoted<String>>,
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
    display_name: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<Text<'a>>,
}

fn non_empty(text: &str) -> Option<Text<'_>> {
    Some(text)
        .filter(|t| !t.trim().is_empty())
        .map(DoubleQuoted)
}

/// The stem of a team file: the stable part of a team's entity name (its display name may
/// change).
fn stem(path: &std::path::Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A team, unit or org as a group.
struct GroupOf<'t> {
    display: &'t str,
    description: Option<&'t str>,
    kind: &'static str,
    /// The entity name it asks for, and the longer one it takes when another group asks
    /// for the same (a unit's, prefixed with its org's).
    wanted: String,
    qualified: Option<String>,
    /// The org group's index, for a unit (or an org nested in another's folder).
    parent: Option<usize>,
    /// For an org: its folder, where nested orgs are found.
    folder: Option<&'t std::path::Path>,
    annotations: BTreeMap<String, String>,
}

/// The YAML of the Backstage entities of `teams` (orgs with their units, and teams checked
/// alone), every entity in `namespace` when one is given; and notes for the user (names
/// that had to change to stay distinct).
///
/// # Errors
/// The YAML cannot be written (it always can: every value is a string or a list of them).
pub fn render(
    teams: &[Team],
    namespace: Option<&str>,
) -> Result<(String, Vec<String>), serde_saphyr::ser::Error> {
    let mut groups: Vec<GroupOf<'_>> = Vec::new();
    let mut users: Vec<UserOf<'_>> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for team in teams {
        let catalog = BTreeMap::from([(format!("{PREFIX}catalog"), team.catalog.id.clone())]);
        let Some(org) = &team.org else {
            groups.push(GroupOf {
                display: &team.name,
                description: team.description.as_deref(),
                kind: "team",
                wanted: slug(&stem(team.source.path()), MAX_NAME, "team"),
                qualified: None,
                parent: None,
                folder: None,
                annotations: catalog,
            });
            let group = groups.len() - 1;
            for person in &team.people {
                add_user(&mut users, &mut index, team, person, group);
            }
            continue;
        };
        let org_name = slug(&team.name, MAX_NAME, "org");
        groups.push(GroupOf {
            display: &team.name,
            description: team.description.as_deref(),
            kind: "organization",
            wanted: org_name.clone(),
            qualified: None,
            parent: None,
            folder: team.source.path().parent(),
            annotations: catalog.clone(),
        });
        let parent = groups.len() - 1;
        for unit in &org.units {
            let mut annotations = catalog.clone();
            if let Some(department) = &unit.department {
                annotations.insert(format!("{PREFIX}department"), department.id.clone());
            }
            let wanted = slug(&stem(unit.source.path()), MAX_NAME, "team");
            groups.push(GroupOf {
                display: &unit.name,
                description: unit.description.as_deref(),
                kind: "team",
                qualified: Some(slug(&format!("{org_name}-{wanted}"), MAX_NAME, "team")),
                wanted,
                parent: Some(parent),
                folder: None,
                annotations,
            });
            let group = groups.len() - 1;
            for &p in &unit.people {
                if let Some(person) = team.people.get(p) {
                    add_user(&mut users, &mut index, team, person, group);
                }
            }
        }
    }
    nest_orgs(&mut groups);
    let (group_names, mut notes) = group_names(&groups);
    let raws: Vec<&str> = users.iter().map(|u| u.id).collect();
    let wanted: Vec<(String, bool)> = raws
        .iter()
        .map(|raw| {
            if is_entity_name(raw) {
                ((*raw).to_owned(), true)
            } else {
                (slug(raw, MAX_NAME, "person"), false)
            }
        })
        .collect();
    let (user_names, user_notes) = distinct(&wanted, "person", &raws);
    notes.extend(user_notes);
    let mut entities = Vec::with_capacity(groups.len() + users.len());
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
                annotations: quoted(&group.annotations),
            },
            spec: Spec::Group(GroupSpec {
                kind: group.kind,
                profile: Profile {
                    display_name: non_empty(group.display),
                    email: None,
                },
                parent: group.parent.map(|p| group_names[p].clone()),
                children,
            }),
        });
    }
    for (user, name) in users.iter().zip(user_names) {
        entities.push(Entity {
            api_version: API_VERSION,
            kind: "User",
            metadata: Metadata {
                name,
                namespace,
                description: None,
                annotations: quoted(&user_annotations(user)),
            },
            spec: Spec::User(UserSpec {
                profile: Profile {
                    display_name: non_empty(user.name),
                    email: user.email.and_then(non_empty),
                },
                member_of: user
                    .groups
                    .iter()
                    .map(|&g| group_names[g].clone())
                    .collect(),
            }),
        });
    }
    let mut options = serde_saphyr::SerializerOptions::default();
    options.prefer_block_scalars = false;
    let yaml = serde_saphyr::to_string_multiple_with_options(&entities, options)?;
    // Every character a terminal acts on is inside a double-quoted string, where `\uXXXX`
    // is the same character.
    let yaml = crate::render::escape::json_invisibles(yaml);
    Ok((format!("{HEADER}---\n{yaml}"), notes))
}

fn quoted(map: &BTreeMap<String, String>) -> BTreeMap<String, DoubleQuoted<String>> {
    map.iter()
        .map(|(k, v)| (k.clone(), DoubleQuoted(v.clone())))
        .collect()
}

/// An org whose folder is inside another org's is a child of the nearest such org.
fn nest_orgs(groups: &mut [GroupOf<'_>]) {
    let folders: Vec<(usize, &std::path::Path)> = groups
        .iter()
        .enumerate()
        .filter_map(|(i, g)| g.folder.map(|f| (i, f)))
        .collect();
    for &(i, folder) in &folders {
        let outer = folders
            .iter()
            .filter(|(o, f)| *o != i && folder != *f && folder.starts_with(f))
            .max_by_key(|(_, f)| f.components().count());
        if let Some(&(o, _)) = outer {
            groups[i].parent = Some(o);
        }
    }
}

/// The groups' entity names: each the one it asks for, a unit's prefixed with its org's
/// when another group asks for the same, numbered when still taken.
fn group_names(groups: &[GroupOf<'_>]) -> (Vec<String>, Vec<String>) {
    let mut asked: HashMap<&str, usize> = HashMap::new();
    for g in groups {
        *asked.entry(g.wanted.as_str()).or_default() += 1;
    }
    let wanted: Vec<(String, bool)> = groups
        .iter()
        .map(|g| match &g.qualified {
            Some(q) if asked[g.wanted.as_str()] > 1 => (q.clone(), false),
            _ => (g.wanted.clone(), false),
        })
        .collect();
    let raws: Vec<&str> = groups.iter().map(|g| g.display).collect();
    distinct(&wanted, "team", &raws)
}

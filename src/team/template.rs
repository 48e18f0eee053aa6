//! A new team file for a catalog, built with `toml_edit` from the catalog itself: its title
//! and the next steps as a header, `[team]`, one table per person, the roles nobody holds
//! yet, and commented examples of `[raci]` and `[rules]`.

use std::fmt::Write as _;
use std::path::Path;

use toml_edit::{Array, DocumentMut, Item, Table, value};

use super::file::Engagement;
use crate::catalog::{Catalog, Requirement, Role};

/// A person to write into a new team file.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPerson {
    pub id: String,
    pub name: String,
    pub roles: Vec<String>,
    pub fte: f64,
    pub engagement: Engagement,
}

impl NewPerson {
    /// A stand-in for whoever will hold `role`, keyed by the role's id.
    fn placeholder(role: &Role) -> Self {
        Self {
            id: role.id.clone(),
            name: format!("{} (to be named)", role.title),
            roles: vec![role.id.clone()],
            fte: 1.0,
            engagement: Engagement::Employee,
        }
    }
}

/// What the people of a new file are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum People<'p> {
    /// One stand-in per required role; the recommended ones as commented-out tables.
    Placeholders,
    /// The people a person named (the wizard); the roles nobody holds are listed.
    Named(&'p [NewPerson]),
}

/// The team file for `catalog`, named `name`, to be written at `file`.
#[must_use]
pub fn team_file(name: &str, catalog: &Catalog, people: People<'_>, file: &Path) -> String {
    let mut doc = DocumentMut::new();
    let mut team = Table::new();
    team["name"] = value(name);
    team["catalog"] = value(catalog.id.as_str());
    team.decor_mut().set_prefix(header(catalog, file));
    doc["team"] = Item::Table(team);

    let mut tables = Table::new();
    tables.set_implicit(true);
    let mut trailing = String::new();
    match people {
        People::Placeholders => {
            let required = roles_at(catalog, Requirement::Required);
            for (i, role) in required.iter().enumerate() {
                let mut table = person_table(&NewPerson::placeholder(role), true);
                if i == 0 {
                    table
                        .decor_mut()
                        .set_prefix("\n# Required roles: the team cannot run without them.\n\n");
                }
                tables.insert(&role.id, Item::Table(table));
            }
            let recommended = roles_at(catalog, Requirement::Recommended);
            if !recommended.is_empty() {
                trailing.push_str(
                    "\n# Recommended roles: a healthy team has them. Uncomment when someone holds \
                     one,\n# or add their role to an existing person.\n",
                );
                for role in recommended {
                    trailing.push('\n');
                    trailing.push_str(&commented(&person_doc(&NewPerson::placeholder(role))));
                }
            }
        }
        People::Named(people) => {
            for person in people {
                tables.insert(&person.id, Item::Table(person_table(person, false)));
            }
            let unheld: Vec<&str> = catalog
                .roles
                .iter()
                .filter(|r| {
                    r.requirement != Requirement::Optional
                        && !people.iter().any(|p| p.roles.contains(&r.id))
                })
                .map(|r| r.id.as_str())
                .collect();
            if !unheld.is_empty() {
                let _ = writeln!(
                    trailing,
                    "\n# Nobody holds these roles yet: {}",
                    unheld.join(", ")
                );
            }
        }
    }
    doc["people"] = Item::Table(tables);
    trailing.push_str(&examples(catalog));
    doc.set_trailing(trailing);
    doc.to_string()
}

fn roles_at(catalog: &Catalog, requirement: Requirement) -> Vec<&Role> {
    catalog
        .roles
        .iter()
        .filter(|r| r.requirement == requirement)
        .collect()
}

/// The comment block above `[team]`: what the catalog is for and what to do next.
fn header(catalog: &Catalog, file: &Path) -> String {
    let about = format!("{}: {}", catalog.title, catalog.description);
    let mut out = String::new();
    for line in textwrap::wrap(&about, 86) {
        let _ = writeln!(out, "# {line}");
    }
    let _ = write!(
        out,
        "#\n# Replace each person below with the real one (the table key is their id), give\n\
         # people more than one role where they wear several hats, then run:\n#\n\
         #     teamplan check {}\n#\n\
         # `teamplan catalog show {}` lists every role and activity of the catalog.\n\n",
        file.display(),
        catalog.id
    );
    out
}

/// A `[people.ID]` table; with `explicit`, fte and engagement are written even at their
/// defaults, with the choices beside the engagement.
fn person_table(person: &NewPerson, explicit: bool) -> Table {
    let mut table = Table::new();
    table["name"] = value(person.name.as_str());
    table["roles"] = value(person.roles.iter().map(String::as_str).collect::<Array>());
    if explicit || (person.fte - 1.0).abs() > f64::EPSILON {
        table["fte"] = value(person.fte);
    }
    if explicit || person.engagement != Engagement::Employee {
        table["engagement"] = value(person.engagement.as_str());
        if explicit {
            if let Some(v) = table.get_mut("engagement").and_then(Item::as_value_mut) {
                v.decor_mut()
                    .set_suffix("   # employee | contractor | agency");
            }
        }
    }
    table.decor_mut().set_prefix("\n");
    table
}

/// One person as a document of its own, for commented-out examples.
fn person_doc(person: &NewPerson) -> String {
    let mut doc = DocumentMut::new();
    let mut people = Table::new();
    people.set_implicit(true);
    let mut table = Table::new();
    table["name"] = value(person.name.as_str());
    table["roles"] = value(person.roles.iter().map(String::as_str).collect::<Array>());
    people.insert(&person.id, Item::Table(table));
    doc["people"] = Item::Table(people);
    doc.to_string()
}

/// `text` with every line commented out.
fn commented(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                "#\n".to_owned()
            } else {
                format!("# {l}\n")
            }
        })
        .collect()
}

/// Commented examples of a RACI override (the catalog's first activity) and of rule levels.
fn examples(catalog: &Catalog) -> String {
    let mut out = String::new();
    if let Some(activity) = catalog.activities.first() {
        let mut doc = DocumentMut::new();
        let mut raci = Table::new();
        raci.set_implicit(true);
        let mut row = Table::new();
        let ids = |roles: &[usize]| -> Array {
            roles
                .iter()
                .map(|&r| catalog.roles[r].id.as_str())
                .collect()
        };
        row["accountable"] = value("PERSON");
        row["responsible"] = value(["PERSON"].into_iter().collect::<Array>());
        row["consulted"] = value(ids(&activity.raci.consulted));
        row["informed"] = value(ids(&activity.raci.informed));
        raci.insert(&activity.id, Item::Table(row));
        doc["raci"] = Item::Table(raci);
        out.push_str(
            "\n# Override the catalog's RACI for one activity (names are person or role ids):\n#\n",
        );
        out.push_str(&commented(&doc.to_string()));
    }
    out.push_str(
        "\n# Rule levels for this team: allow | warn | deny\n#\n# [rules]\n\
         # missing-recommended-role = \"allow\"\n",
    );
    out
}

/// A new unit of an org, named `name`: `[team]` with its name alone (the catalog, limits
/// and rules are the org's), and a commented person to start from.
#[must_use]
pub fn unit_file(name: &str) -> String {
    let mut doc = DocumentMut::new();
    let mut team = Table::new();
    team["name"] = value(name);
    team.decor_mut().set_prefix(
        "# A unit of the org whose file is in this folder or one above: its catalog, limits and\n\
         # rules are the org's, and the org's rules run over every unit's people together.\n\
         # Check it with `teamplan check` on this file, the org file or the org's folder.\n\n",
    );
    doc["team"] = Item::Table(team);
    let mut text = doc.to_string();
    text.push_str(
        "\n# Each person: a [people.ID] table. `leads` names the roles they lead when several\n\
         # people of the org hold one.\n\
         #\n\
         # [people.jane]\n\
         # name = \"Jane Doe\"\n\
         # roles = [\"sales-representative\"]\n\
         # leads = [\"sales-representative\"]\n",
    );
    text
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{NewPerson, People, team_file};
    use crate::catalog::{Requirement, builtin};
    use crate::team::file::Engagement;

    #[test]
    fn placeholders_hold_each_required_role_and_comment_out_the_recommended() {
        let catalog = builtin("b2b").expect("b2b");
        let text = team_file("Shop", &catalog, People::Placeholders, Path::new("t.toml"));
        let doc: toml::Table = toml::from_str(&text).expect("valid TOML");
        let people = doc["people"].as_table().expect("people");
        for role in &catalog.roles {
            let held = people.contains_key(&role.id);
            let commented = text.contains(&format!("# [people.{}]", role.id));
            match role.requirement {
                Requirement::Required => assert!(held && !commented, "{}", role.id),
                Requirement::Recommended => assert!(!held && commented, "{}", role.id),
                Requirement::Optional => assert!(!held && !commented, "{}", role.id),
            }
        }
        assert!(text.starts_with(&format!("# {}", catalog.title)), "{text}");
        assert!(text.contains("#     teamplan check t.toml\n"), "{text}");
    }

    #[test]
    fn names_and_ids_from_answers_are_written_as_toml_keeps_them() {
        let catalog = builtin("small-team").expect("small-team");
        let people = [NewPerson {
            id: "a b\"c".to_owned(),
            name: "Ana \"Q\"\nLine".to_owned(),
            roles: vec!["ecommerce-manager".to_owned()],
            fte: 0.5,
            engagement: Engagement::Agency,
        }];
        let text = team_file(
            "x\" = 1 # [team]",
            &catalog,
            People::Named(&people),
            Path::new("t.toml"),
        );
        let doc: toml::Table = toml::from_str(&text).expect("valid TOML");
        assert_eq!(doc["team"]["name"].as_str(), Some("x\" = 1 # [team]"));
        let person = &doc["people"]["a b\"c"];
        assert_eq!(person["name"].as_str(), Some("Ana \"Q\"\nLine"));
        assert_eq!(person["fte"].as_float(), Some(0.5));
        assert_eq!(person["engagement"].as_str(), Some("agency"));
        assert!(
            text.contains("# Nobody holds these roles yet: digital-marketing-specialist"),
            "{text}"
        );
    }
}

//! `teamplan export --format backstage`: entities Backstage accepts, an org tree that
//! round-trips, names that survive any input, and `--check` for CI.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

use crate::support::{Scratch, run, teamplan};

const NORTHSTAR: &str = "examples/northstar";
const SCHEMAS: &str = "tests/fixtures/backstage";
/// Where the tests put Backstage's schemas, whose own `$id`s are relative.
const BASE: &str = "https://backstage.io/schema/";

/// The YAML documents of an export, as JSON values.
fn documents(yaml: &str) -> Vec<Value> {
    serde_saphyr::from_multiple::<Value>(yaml).expect("the export is YAML")
}

fn export(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["export"];
    all.extend(args);
    let (code, out, err) = run(&all);
    assert_eq!(code, 0, "{err}");
    documents(&out)
}

fn schema(path: &str) -> Value {
    let text = std::fs::read_to_string(Path::new(SCHEMAS).join(path)).expect("schema");
    serde_json::from_str(&text).expect("schema JSON")
}

/// Validators for Backstage's `Group` and `User` kinds, from the published schemas.
fn validators() -> (jsonschema::Validator, jsonschema::Validator) {
    let registry = jsonschema::Registry::new()
        .add(format!("{BASE}Entity"), schema("Entity.schema.json"))
        .and_then(|r| {
            r.add(
                format!("{BASE}EntityMeta"),
                schema("EntityMeta.schema.json"),
            )
        })
        .and_then(|r| r.add(format!("{BASE}common"), schema("shared/common.schema.json")))
        .and_then(jsonschema::RegistryBuilder::prepare)
        .expect("registry");
    let build = |file: &str| {
        jsonschema::options()
            .with_registry(&registry)
            .with_base_uri(BASE)
            .build(&schema(file))
            .expect("compile")
    };
    (
        build("kinds/Group.v1alpha1.schema.json"),
        build("kinds/User.v1alpha1.schema.json"),
    )
}

/// Backstage's rule for entity names (`isValidObjectName`), lower-case as the export
/// promises.
fn is_backstage_name(name: &str) -> bool {
    let b = name.as_bytes();
    (1..=63).contains(&b.len())
        && b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric)
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || b"-_.".contains(c))
}

/// Every entity is one Backstage accepts: its kind's schema, a valid name, and no two of a
/// kind with one name.
fn assert_backstage_accepts(docs: &[Value]) {
    let (group, user) = validators();
    let mut names = BTreeSet::new();
    for doc in docs {
        let kind = doc["kind"].as_str().expect("kind");
        let validator = match kind {
            "Group" => &group,
            "User" => &user,
            other => panic!("unexpected kind {other}"),
        };
        let errors: Vec<String> = validator.iter_errors(doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{doc}: {errors:?}");
        let name = doc["metadata"]["name"].as_str().expect("name");
        assert!(is_backstage_name(name), "{name:?}");
        assert!(
            names.insert((kind.to_owned(), name.to_owned())),
            "two {kind}s named {name}"
        );
    }
}

fn of_kind<'a>(docs: &'a [Value], kind: &str) -> Vec<&'a Value> {
    docs.iter().filter(|d| d["kind"] == kind).collect()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_example_org_exports_as_the_snapshot_shows() {
    let (code, out, err) = run(&["export", NORTHSTAR]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "", "a clean org exports without a note");
    insta::assert_snapshot!(out);
}

#[test]
fn every_entity_of_the_examples_is_one_backstage_accepts() {
    for path in [
        NORTHSTAR,
        "examples/northwind-b2b.toml",
        "examples/org",
        "examples/pine-and-pixel-small-team.toml",
    ] {
        let docs = export(&[path, "--namespace", "retail"]);
        assert!(!docs.is_empty(), "{path}");
        assert_backstage_accepts(&docs);
        assert!(
            docs.iter().all(|d| d["metadata"]["namespace"] == "retail"),
            "{path}: every entity in the namespace given"
        );
    }
}

/// The org tree read back from the export matches the team files read on their own.
#[test]
fn the_org_tree_round_trips_from_the_files() {
    let docs = export(&[NORTHSTAR]);
    let groups = of_kind(&docs, "Group");
    let orgs: Vec<&&Value> = groups
        .iter()
        .filter(|g| g["spec"]["type"] == "organization")
        .collect();
    assert_eq!(orgs.len(), 1);
    let org = orgs[0];
    let org_name = org["metadata"]["name"].as_str().expect("org name");
    assert_eq!(
        org["spec"]["profile"]["displayName"],
        "Northstar Industrial"
    );

    // From the files: each unit's name, and the ids of its people.
    let mut expected: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in std::fs::read_dir(NORTHSTAR).expect("dir") {
        let path = entry.expect("entry").path();
        let doc: toml::Table = std::fs::read_to_string(&path)
            .expect("read")
            .parse()
            .expect("toml");
        let Some(team) = doc.get("team") else {
            continue;
        };
        let people = doc
            .get("people")
            .and_then(|p| p.as_table())
            .map(|t| t.keys().cloned().collect())
            .unwrap_or_default();
        expected.insert(team["name"].as_str().expect("name").to_owned(), people);
    }
    assert_eq!(expected.len(), 6);

    let units: BTreeMap<String, &Value> = groups
        .iter()
        .filter(|g| g["spec"]["type"] == "team")
        .map(|g| {
            (
                g["spec"]["profile"]["displayName"]
                    .as_str()
                    .expect("display name")
                    .to_owned(),
                *g,
            )
        })
        .collect();
    assert_eq!(
        units.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "a group per unit"
    );
    let mut children = strings(&org["spec"]["children"]);
    children.sort();
    let mut unit_names: Vec<String> = units
        .values()
        .map(|u| u["metadata"]["name"].as_str().expect("name").to_owned())
        .collect();
    unit_names.sort();
    assert_eq!(children, unit_names, "the org's children are its units");
    for unit in units.values() {
        assert_eq!(
            unit["spec"]["parent"], org_name,
            "every unit's parent is the org"
        );
    }

    // Every person a user, a member of exactly the units whose files list them.
    let group_of: BTreeMap<&str, &str> = units
        .iter()
        .map(|(display, u)| {
            (
                u["metadata"]["name"].as_str().expect("name"),
                display.as_str(),
            )
        })
        .collect();
    let mut seen: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for user in of_kind(&docs, "User") {
        let id = user["metadata"]["annotations"]["teamplan.dev/id"]
            .as_str()
            .expect("id annotation")
            .to_owned();
        let member_of = strings(&user["spec"]["memberOf"])
            .iter()
            .map(|g| group_of[g.as_str()].to_owned())
            .collect();
        assert!(
            seen.insert(id.clone(), member_of).is_none(),
            "{id} exported twice"
        );
    }
    let mut from_files: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (unit, people) in &expected {
        for id in people {
            from_files
                .entry(id.clone())
                .or_default()
                .insert(unit.clone());
        }
    }
    assert_eq!(seen, from_files);
}

#[test]
fn a_person_of_two_units_is_one_user_in_both_with_their_roles_and_leads() {
    let s = Scratch::new();
    let dir = s.path().join("org");
    s.write(
        "org/org.toml",
        "[org]\nname = \"Acme Retail\"\ncatalog = \"small-team\"\n",
    );
    s.write(
        "org/shop.toml",
        "[team]\nname = \"Shop\"\n\n[people.ana]\nname = \"Ana Silva\"\nemail = \"ana@acme.example\"\nroles = [\"ecommerce-manager\"]\nfte = 0.5\nengagement = \"contractor\"\n\n[people.bo]\nroles = [\"developer\"]\nleads = [\"developer\"]\n",
    );
    s.write(
        "org/ops.toml",
        "[team]\nname = \"Ops\"\n\n[people.ana]\nname = \"Ana Silva\"\nroles = [\"customer-service\"]\nfte = 0.25\nengagement = \"contractor\"\n\n[people.cy]\nroles = [\"developer\"]\n",
    );
    let docs = export(&[dir.to_str().expect("utf-8")]);
    assert_backstage_accepts(&docs);
    let users = of_kind(&docs, "User");
    let ana: Vec<&&Value> = users
        .iter()
        .filter(|u| u["metadata"]["name"] == "ana")
        .collect();
    assert_eq!(ana.len(), 1, "one user for a person of two units");
    let ana = ana[0];
    assert_eq!(strings(&ana["spec"]["memberOf"]), ["ops", "shop"]);
    let notes = &ana["metadata"]["annotations"];
    assert_eq!(
        notes["teamplan.dev/roles"],
        "customer-service, ecommerce-manager"
    );
    assert_eq!(notes["teamplan.dev/fte"], "0.75");
    assert_eq!(notes["teamplan.dev/engagement"], "contractor");
    assert_eq!(ana["spec"]["profile"]["email"], "ana@acme.example");
    let bo = users
        .iter()
        .find(|u| u["metadata"]["name"] == "bo")
        .expect("bo");
    assert_eq!(
        bo["metadata"]["annotations"]["teamplan.dev/leads"],
        "developer"
    );
    assert_eq!(bo["metadata"]["annotations"]["teamplan.dev/fte"], "1");
}

/// Names from strangers' pull requests: each reads back as written, and every entity name
/// is still valid and distinct.
#[test]
fn hostile_names_read_back_as_written_and_make_valid_distinct_names() {
    let s = Scratch::new();
    let names = [
        ("Maya", "Maya \"the boss\" <b>=</b>"),
        ("maya", "line one\nline two"),
        ("MAYA", "\u{1b}[31mred\u{1b}[0m"),
        ("x::y", "::error::pwned"),
        ("日本", "--- yes"),
        ("a b", "null"),
    ];
    let mut text =
        String::from("[team]\nname = \"Ops: \\\"A\\\" --- #1\\nteam\"\ncatalog = \"small-team\"\n");
    for (id, name) in names {
        let quoted = |s: &str| serde_json::to_string(s).expect("quote");
        writeln!(
            text,
            "\n[people.{}]\nname = {}\nroles = [\"ecommerce-manager\"]\nfte = 0.1",
            quoted(id),
            quoted(name)
        )
        .expect("write");
    }
    let file = s.write("team.toml", &text);
    let docs = export(&[file.to_str().expect("utf-8")]);
    assert_backstage_accepts(&docs);
    let group = &of_kind(&docs, "Group")[0];
    assert_eq!(
        group["spec"]["profile"]["displayName"],
        "Ops: \"A\" --- #1\nteam"
    );
    let users = of_kind(&docs, "User");
    assert_eq!(users.len(), names.len());
    for (id, name) in names {
        let user = users
            .iter()
            .find(|u| u["metadata"]["annotations"]["teamplan.dev/id"] == id)
            .unwrap_or_else(|| panic!("no user for {id:?}"));
        assert_eq!(user["spec"]["profile"]["displayName"], name);
    }
    // An id that already is a valid name is kept as it is.
    assert!(users.iter().any(|u| u["metadata"]["name"] == "maya"));
}

#[test]
fn check_passes_when_fresh_and_fails_with_a_diff_when_a_team_changed() {
    let s = Scratch::new();
    let team = s.write(
        "teams/shop.toml",
        "[team]\nname = \"Shop\"\ncatalog = \"small-team\"\n\n[people.ana]\nroles = [\"ecommerce-manager\", \"developer\", \"digital-marketer\", \"customer-service\"]\n",
    );
    let out = s.path().join("catalog.yaml");
    let (team_arg, out_arg) = (team.to_str().expect("utf-8"), out.to_str().expect("utf-8"));
    // Before the first export there is nothing to be fresh.
    let (code, _, err) = run(&["export", team_arg, "--output", out_arg, "--check"]);
    assert_eq!(code, 1, "{err}");
    assert!(!out.exists(), "--check writes nothing");

    let (code, _, err) = run(&["export", team_arg, "--output", out_arg]);
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(&out).expect("written");
    let (code, _, err) = run(&["export", team_arg, "--output", out_arg, "--check"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("up to date"), "{err}");

    let changed =
        std::fs::read_to_string(&team).expect("team") + "\n[people.bo]\nroles = [\"developer\"]\n";
    std::fs::write(&team, changed).expect("edit");
    let (code, diff, err) = run(&["export", team_arg, "--output", out_arg, "--check"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("out of date"), "{err}");
    assert!(diff.contains("+  name: bo"), "{diff}");
    assert_eq!(
        std::fs::read_to_string(&out).expect("still"),
        written,
        "--check wrote nothing"
    );
}

#[test]
fn check_needs_an_output_and_a_bad_namespace_is_refused() {
    let (code, _, err) = run(&["export", NORTHSTAR, "--check"]);
    assert_eq!(code, 2);
    assert!(err.contains("--check needs --output FILE"), "{err}");
    let (code, _, err) = run(&["export", NORTHSTAR, "--namespace", "Retail_EU"]);
    assert_eq!(code, 2);
    assert!(err.contains("lower-case letters and digits"), "{err}");
}

#[test]
fn an_unreadable_team_exports_nothing() {
    let s = Scratch::new();
    s.write(
        "teams/good.toml",
        "[team]\nname = \"Good\"\ncatalog = \"small-team\"\n\n[people.ana]\nroles = [\"developer\"]\n",
    );
    s.write("teams/bad.toml", "[team\nname = \"Bad\"\n");
    let out = s.path().join("catalog.yaml");
    let output = teamplan()
        .args(["export", "--output"])
        .arg(&out)
        .arg(s.path().join("teams"))
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("bad.toml:1"), "{err}");
    assert!(err.contains("nothing was exported"), "{err}");
    assert!(!out.exists());
}

#[test]
fn the_export_is_never_written_over_an_input() {
    let s = Scratch::new();
    let team = s.write(
        "team.toml",
        "[team]\nname = \"Shop\"\ncatalog = \"small-team\"\n\n[people.ana]\nroles = [\"developer\"]\n",
    );
    let before = std::fs::read_to_string(&team).expect("read");
    let arg = team.to_str().expect("utf-8");
    let (code, _, err) = run(&["export", arg, "--output", arg]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(std::fs::read_to_string(&team).expect("read"), before);
}

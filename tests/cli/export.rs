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
        notes["teamplan.dev/roles"], "customer-service-representative, ecommerce-manager",
        "roles by their catalog ids (`customer-service` is an alias), each once"
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
        "web-developer"
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

#[test]
fn a_person_in_two_team_files_is_one_user_with_both_files_counted() {
    let s = Scratch::new();
    s.write(
        "teams/alpha.toml",
        "[team]\nname = \"Alpha\"\ncatalog = \"small-team\"\n\n[people.ann]\nname = \"Ann\"\nroles = [\"developer\"]\nfte = 0.5\n",
    );
    s.write(
        "teams/beta.toml",
        "[team]\nname = \"Beta\"\ncatalog = \"small-team\"\n\n[people.ann]\nname = \"Ann\"\nemail = \"ann@x.example\"\nroles = [\"customer-service\", \"developer\"]\nleads = [\"customer-service\"]\nfte = 0.25\n",
    );
    let docs = export(&[s.path().join("teams").to_str().expect("utf-8")]);
    assert_backstage_accepts(&docs);
    let users = of_kind(&docs, "User");
    assert_eq!(users.len(), 1);
    let ann = users[0];
    assert_eq!(strings(&ann["spec"]["memberOf"]), ["alpha", "beta"]);
    let notes = &ann["metadata"]["annotations"];
    assert_eq!(notes["teamplan.dev/fte"], "0.75");
    assert_eq!(
        notes["teamplan.dev/roles"],
        "web-developer, customer-service-representative"
    );
    assert_eq!(
        notes["teamplan.dev/leads"],
        "customer-service-representative"
    );
    assert_eq!(ann["spec"]["profile"]["email"], "ann@x.example");
}

/// A group's name comes from its file, so renaming a team keeps its entity; two orgs with
/// a unit of one name keep both apart, whatever the order of the paths.
#[test]
fn group_names_come_from_files_and_stay_apart_across_orgs_in_any_order() {
    let s = Scratch::new();
    for (org, name) in [("eu", "Acme EU"), ("us", "Acme US")] {
        s.write(
            &format!("{org}/org.toml"),
            &format!("[org]\nname = \"{name}\"\ncatalog = \"small-team\"\n"),
        );
        s.write(
            &format!("{org}/sales.toml"),
            &format!(
                "[team]\nname = \"Sales {org}\"\n\n[people.{org}-rep]\nroles = [\"developer\"]\n"
            ),
        );
    }
    let (eu, us) = (s.path().join("eu"), s.path().join("us"));
    let (eu, us) = (eu.to_str().expect("utf-8"), us.to_str().expect("utf-8"));
    let names = |docs: &[Value]| -> BTreeMap<String, String> {
        of_kind(docs, "Group")
            .iter()
            .map(|g| {
                (
                    g["spec"]["profile"]["displayName"]
                        .as_str()
                        .expect("name")
                        .to_owned(),
                    g["metadata"]["name"].as_str().expect("name").to_owned(),
                )
            })
            .collect()
    };
    let one = names(&export(&[eu, us]));
    assert_eq!(
        one,
        names(&export(&[us, eu])),
        "the order of the paths changes no name"
    );
    assert_eq!(one["Sales eu"], "acme-eu-sales");
    assert_eq!(one["Sales us"], "acme-us-sales");
    // Alone, the unit is its file's name, and a new display name keeps it.
    s.write(
        "eu/sales.toml",
        "[team]\nname = \"Vertrieb\"\n\n[people.eu-rep]\nroles = [\"developer\"]\n",
    );
    assert_eq!(names(&export(&[eu]))["Vertrieb"], "sales");
}

#[test]
fn an_org_in_another_orgs_folder_is_its_child() {
    let s = Scratch::new();
    s.write(
        "org/org.toml",
        "[org]\nname = \"Globex\"\ncatalog = \"small-team\"\n",
    );
    s.write(
        "org/hq.toml",
        "[team]\nname = \"HQ\"\n\n[people.a]\nroles = [\"developer\"]\n",
    );
    s.write(
        "org/emea/org.toml",
        "[org]\nname = \"Globex EMEA\"\ncatalog = \"small-team\"\n",
    );
    s.write(
        "org/emea/ops.toml",
        "[team]\nname = \"Ops\"\n\n[people.b]\nroles = [\"developer\"]\n",
    );
    let docs = export(&[s.path().join("org").to_str().expect("utf-8")]);
    assert_backstage_accepts(&docs);
    let group = |name: &str| {
        of_kind(&docs, "Group")
            .into_iter()
            .find(|g| g["metadata"]["name"] == name)
            .unwrap_or_else(|| panic!("no group {name}"))
    };
    assert_eq!(group("globex-emea")["spec"]["parent"], "globex");
    assert!(strings(&group("globex")["spec"]["children"]).contains(&"globex-emea".to_owned()));
    assert_eq!(group("globex")["spec"].get("parent"), None);
}

#[test]
fn people_whose_ids_make_one_name_are_told_which_was_renamed() {
    let s = Scratch::new();
    let file = s.write(
        "team.toml",
        "[team]\nname = \"Care\"\ncatalog = \"small-team\"\n\n[people.MAYA]\nroles = [\"developer\"]\n\n[people.maya]\nroles = [\"customer-service\"]\n",
    );
    let (code, out, err) = run(&["export", file.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{err}");
    let docs = documents(&out);
    let name_of = |id: &str| {
        of_kind(&docs, "User")
            .into_iter()
            .find(|u| u["metadata"]["annotations"]["teamplan.dev/id"] == id)
            .map(|u| u["metadata"]["name"].as_str().expect("name").to_owned())
    };
    assert_eq!(
        name_of("maya").as_deref(),
        Some("maya"),
        "a valid id keeps its name"
    );
    assert_eq!(name_of("MAYA").as_deref(), Some("maya-2"));
    assert!(
        err.contains("person `MAYA` is exported as `maya-2`"),
        "{err}"
    );
}

#[test]
fn output_dash_is_stdout_and_a_missing_folder_is_named() {
    let (code, out, err) = run(&["export", NORTHSTAR, "--output", "-"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("kind: Group"), "{out}");
    assert!(!Path::new("-").exists());
    let s = Scratch::new();
    let target = s.path().join("catalog/teams.yaml");
    let (code, _, err) = run(&[
        "export",
        NORTHSTAR,
        "--output",
        target.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("does not exist; create it first"), "{err}");
}

#[test]
fn check_reads_a_crlf_checkout_as_the_same_text() {
    let s = Scratch::new();
    let out = s.path().join("teams.yaml");
    let arg = out.to_str().expect("utf-8");
    let (code, _, err) = run(&["export", NORTHSTAR, "--output", arg]);
    assert_eq!(code, 0, "{err}");
    let crlf = std::fs::read_to_string(&out)
        .expect("read")
        .replace('\n', "\r\n");
    std::fs::write(&out, crlf).expect("write");
    let (code, _, err) = run(&["export", NORTHSTAR, "--output", arg, "--check"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn the_hint_quotes_a_path_with_a_space_and_counts_the_orgs_other_findings() {
    let s = Scratch::new();
    s.write(
        "my org/org.toml",
        "[org]\nname = \"Acme\"\ncatalog = \"small-team\"\n",
    );
    let unit = s.write(
        "my org/shop.toml",
        "[team]\nname = \"Shop\"\n\n[people.ana]\nroles = [\"developer\"]\n",
    );
    s.write(
        "my org/ops.toml",
        "[team]\nname = \"Ops\"\n\n[people.bo]\nroles = [\"devloper\"]\n",
    );
    let (code, _, err) = run(&["export", unit.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("in the org's other files"), "{err}");
    assert!(
        err.contains(&format!("teamplan check '{}'", unit.display())),
        "{err}"
    );
}

/// A pull request that links the export's file to `.git/config` (where CI keeps a token)
/// gets neither a diff of it in the log nor a rewritten config.
#[test]
fn an_output_linked_into_git_is_never_shown_or_written() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path().join(".git")).expect("git");
    let config = s.write(
        ".git/config",
        "[http]\n\textraheader = AUTHORIZATION: basic SECRET\n",
    );
    s.write(
        "teams/shop.toml",
        "[team]\nname = \"Shop\"\ncatalog = \"small-team\"\n\n[people.ana]\nroles = [\"developer\"]\n",
    );
    std::fs::create_dir_all(s.path().join("catalog")).expect("catalog");
    std::os::unix::fs::symlink("../.git/config", s.path().join("catalog/teams.yaml"))
        .expect("link");
    for check in [true, false] {
        let mut cmd = teamplan();
        cmd.current_dir(s.path())
            .args(["export", "teams", "--output", "catalog/teams.yaml"]);
        if check {
            cmd.arg("--check");
        }
        let out = cmd.output().expect("run");
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("inside a .git folder"), "{stderr}");
        assert!(!stdout.contains("SECRET") && !stderr.contains("SECRET"));
    }
    // A symlinked folder on the way leads there too.
    std::os::unix::fs::symlink(".git", s.path().join("gl")).expect("link");
    for args in [&["--check"][..], &["--force"][..]] {
        let out = teamplan()
            .current_dir(s.path())
            .args(["export", "teams", "--output", "gl/config"])
            .args(args)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!String::from_utf8_lossy(&out.stdout).contains("SECRET"));
    }
    assert!(
        std::fs::read_to_string(&config)
            .expect("config")
            .contains("SECRET")
    );
}

/// No line of the export starts with what a CI log reads as a command, and characters a
/// terminal acts on are escaped; each value still reads back as written.
#[test]
fn no_line_reads_as_a_ci_command_and_invisible_characters_are_escaped() {
    let s = Scratch::new();
    let long = format!("{}::error title=Deploy::pwned", "word ".repeat(30));
    let values = [
        (
            "x\n::error file=x,line=1::injected\n::stop-commands::tok",
            "a",
        ),
        (long.as_str(), "b"),
        ("##[error]team", "c"),
        ("\tindented\nsecond", "d"),
        ("\u{202e}evil\u{200b}", "e"),
    ];
    let mut text = String::from("[team]\nname = \"Ops\"\ncatalog = \"small-team\"\n");
    for (name, id) in values {
        writeln!(
            text,
            "\n[people.{id}]\nname = {}\nroles = [\"developer\"]\nfte = 0.1",
            serde_json::to_string(name).expect("quote")
        )
        .expect("write");
    }
    let file = s.write("team.toml", &text);
    let (code, out, err) = run(&["export", file.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{err}");
    for line in out.lines() {
        let start = line.trim_start();
        assert!(
            !start.starts_with("::") && !start.contains("##["),
            "{line:?}"
        );
    }
    assert!(!out.contains('\u{202e}') && !out.contains('\u{200b}') && !out.contains('\t'));
    let docs = documents(&out);
    for (name, id) in values {
        let user = docs
            .iter()
            .find(|d| d["metadata"]["annotations"]["teamplan.dev/id"] == id)
            .expect("user");
        assert_eq!(user["spec"]["profile"]["displayName"], name);
    }
}

#[test]
fn two_teams_of_one_file_name_get_distinct_groups_and_a_note() {
    let s = Scratch::new();
    for dir in ["a", "b"] {
        s.write(
            &format!("{dir}/ops.toml"),
            &format!("[team]\nname = \"Ops {dir}\"\ncatalog = \"small-team\"\n\n[people.p{dir}]\nroles = [\"developer\"]\n"),
        );
    }
    let (code, out, err) = run(&[
        "export",
        s.path().join("a").to_str().expect("utf-8"),
        s.path().join("b").to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 0, "{err}");
    let docs = documents(&out);
    assert_backstage_accepts(&docs);
    let names: Vec<&str> = of_kind(&docs, "Group")
        .iter()
        .map(|g| g["metadata"]["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["ops", "ops-2"]);
    assert!(err.contains("team `Ops b` is exported as `ops-2`"), "{err}");
}

#[test]
fn many_ids_that_make_one_name_are_numbered_in_one_pass() {
    let s = Scratch::new();
    let mut text = String::from("[team]\nname = \"Ops\"\ncatalog = \"small-team\"\n");
    for i in 0..1000 {
        let id = format!("maya{}", "!".repeat(i % 7 + 1)) + &"#".repeat(i / 7);
        writeln!(
            text,
            "\n[people.{}]\nroles = [\"developer\"]\nfte = 0.1",
            serde_json::to_string(&id).expect("id")
        )
        .expect("write");
    }
    let file = s.write("team.toml", &text);
    let docs = export(&[file.to_str().expect("utf-8"), "--quiet"]);
    let names: BTreeSet<&str> = of_kind(&docs, "User")
        .iter()
        .map(|u| u["metadata"]["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names.len(), 1000, "every person a name of their own");
    assert!(names.contains("maya") && names.contains("maya-1000"));
}

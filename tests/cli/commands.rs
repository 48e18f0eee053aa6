//! The supporting commands: catalog, explain, schema, completions.

use crate::support::{Scratch, run};

#[test]
fn the_checked_in_schema_matches_the_code() {
    let (code, schema, _) = run(&["schema"]);
    assert_eq!(code, 0);
    let checked_in = std::fs::read_to_string("schema/team.schema.json").unwrap_or_default();
    assert!(
        schema == checked_in,
        "schema/team.schema.json is stale; regenerate it with\n  cargo run -- schema > schema/team.schema.json"
    );
}

#[test]
fn every_example_team_validates_against_the_schema_and_a_typo_does_not() {
    let schema: serde_json::Value = serde_json::from_str(&run(&["schema"]).1).expect("json");
    let validator = jsonschema::validator_for(&schema).expect("compile");
    let files = [
        "examples/northwind-b2b.toml",
        "examples/lumiere-b2c.toml",
        "examples/ember-roast-d2c.toml",
        "examples/pine-and-pixel-small-team.toml",
        "examples/broken.toml",
        "examples/org/teams/storefront.toml",
        "examples/plan/org.toml",
        "examples/plan/web.toml",
        "examples/plan/support.toml",
    ];
    for file in files {
        let value: toml::Value =
            toml::from_str(&std::fs::read_to_string(file).expect("read")).expect("toml");
        let json = as_editors_read(value);
        assert!(
            validator.is_valid(&json),
            "{file} does not match the schema"
        );
    }
    let typo: toml::Value =
        toml::from_str("[team]\nname = \"x\"\ncatalog = \"b2b\"\n[people.a]\nnmae = \"A\"\n")
            .expect("toml");
    assert!(!validator.is_valid(&serde_json::to_value(typo).expect("json")));
    let bad_rule: toml::Value =
        toml::from_str("[team]\nname = \"x\"\ncatalog = \"b2b\"\n[rules]\noverloded = \"allow\"\n")
            .expect("toml");
    assert!(!validator.is_valid(&serde_json::to_value(bad_rule).expect("json")));
}

/// A TOML document as editors validate it against a JSON Schema: a date is a string.
fn as_editors_read(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::Datetime(d) => serde_json::Value::String(d.to_string()),
        toml::Value::Array(items) => items.into_iter().map(as_editors_read).collect(),
        toml::Value::Table(table) => serde_json::Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, as_editors_read(v)))
                .collect(),
        ),
        other => serde_json::to_value(other).expect("to json"),
    }
}

#[test]
fn the_schema_and_check_agree_on_fte() {
    let schema: serde_json::Value = serde_json::from_str(&run(&["schema"]).1).expect("json");
    let validator = jsonschema::validator_for(&schema).expect("compile");
    let s = crate::support::Scratch::new();
    for (fte, valid) in [
        ("0", false),
        ("0.0", false),
        ("-0.5", false),
        ("0.01", true),
        ("1", true),
        ("1.5", false),
    ] {
        let text = format!(
            "[team]\nname = \"x\"\ncatalog = \"small-team\"\n[people.a]\nroles = [\"ecommerce-manager\"]\nfte = {fte}\n"
        );
        let value: toml::Value = toml::from_str(&text).expect("toml");
        assert_eq!(
            validator.is_valid(&serde_json::to_value(value).expect("json")),
            valid,
            "schema on fte = {fte}"
        );
        let path = s.write("team.toml", &text);
        let (code, out, _) = run(&["check", "--format", "json", &path.to_string_lossy()]);
        assert_eq!(code == 2, !valid, "check on fte = {fte}: {out}");
    }
}

#[test]
fn completions_generate_for_every_shell_and_the_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (code, out, _) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        assert!(
            out.contains("teamplan") && out.contains("raci") && out.contains("strict"),
            "{shell}"
        );
    }
    let (code, man, _) = run(&["completions", "man"]);
    assert_eq!(code, 0);
    assert!(
        man.starts_with(".ie") || man.contains(".TH teamplan 1"),
        "{}",
        &man[..man.len().min(80)]
    );
    // One page, whole: every command listed, no reference to a page never installed.
    for command in [
        "check",
        "raci",
        "init",
        "diff",
        "report",
        "catalog show",
        "explain",
    ] {
        assert!(
            man.contains(&format!("\\fBteamplan {command}\\fR")),
            "{command} listed"
        );
    }
    assert!(!man.contains("(1)"), "no teamplan-COMMAND(1) pages");
    assert!(man.contains(".SH OPTIONS") && man.contains("\\-\\-color"));
}

#[test]
fn every_rule_has_an_explanation() {
    let (code, list, _) = run(&["explain", "--list"]);
    assert_eq!(code, 0);
    for rule in teamplan::diag::Rule::ALL {
        assert!(list.contains(rule.name()), "{rule} missing from --list");
        let (code, text, err) = run(&["explain", rule.name()]);
        assert_eq!(code, 0, "{rule}: {err}");
        for section in ["Why it matters", "Example that fires", "How to fix it"] {
            assert!(text.contains(section), "{rule} lacks {section}");
        }
    }
    let (code, _, err) = run(&["explain", "overlodaed"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `overloaded`?"), "{err}");
}

#[test]
fn the_readme_lists_every_rule() {
    let readme = std::fs::read_to_string("README.md").expect("README");
    for rule in teamplan::diag::Rule::configurable() {
        assert!(
            readme.contains(&format!("| `{}` |", rule.name())),
            "README's rules table lacks {rule}"
        );
    }
}

#[test]
fn catalog_list_and_show() {
    let (code, list, _) = run(&["catalog", "list"]);
    assert_eq!(code, 0);
    for id in [
        "b2b",
        "b2c",
        "d2c",
        "small-team",
        "marketing-team",
        "it-team",
        "warehouse-team",
    ] {
        assert!(list.contains(id), "{id}");
    }
    let (_, json, _) = run(&["catalog", "list", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(doc["catalogs"].as_array().map(Vec::len), Some(7));

    let (code, table, _) = run(&["catalog", "show", "small-team"]);
    assert_eq!(code, 0);
    assert!(table.contains("ecommerce-manager") && table.contains("required"));
    assert!(table.contains("plan-promotions"));

    let (_, md, _) = run(&["catalog", "show", "b2b", "--format", "markdown"]);
    assert!(md.starts_with("# B2B e-commerce (`b2b`)"));
    assert!(md.contains("| `sales-representative` |"));

    let (_, json, _) = run(&["catalog", "show", "b2b", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(doc["id"], "b2b");
    let role = &doc["roles"][0];
    for key in ["id", "title", "summary", "requirement", "aliases", "source"] {
        assert!(!role[key].is_null(), "role lacks {key}");
    }
    let activity = &doc["activities"][0];
    for key in ["id", "title", "area", "raci", "source"] {
        assert!(!activity[key].is_null(), "activity lacks {key}");
    }
    assert!(activity["raci"]["accountable"].is_string());

    let (code, _, err) = run(&["catalog", "show", "b2x"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean"), "{err}");
}

#[test]
fn catalog_show_toml_is_a_custom_catalog_that_loads_back() {
    let s = Scratch::new();
    let (_, toml_text, _) = run(&["catalog", "show", "d2c", "--format", "toml"]);
    let path = s.write("mine.toml", &toml_text);
    let (code, out, _) = run(&["catalog", "check", &path.to_string_lossy()]);
    assert_eq!(code, 0, "{out}");
    let (_, original, _) = run(&["catalog", "show", "d2c", "--format", "json"]);
    let (_, again, _) = run(&[
        "catalog",
        "show",
        &path.to_string_lossy(),
        "--format",
        "json",
    ]);
    assert_eq!(original, again);
}

#[test]
fn catalog_check_reports_inconsistencies_with_positions() {
    let (code, out, _) = run(&["catalog", "check", "examples/org/catalogs/acme-retail.toml"]);
    assert_eq!(
        (
            code,
            out.starts_with("ok: catalog `acme-retail` is consistent")
        ),
        (0, true),
        "{out}"
    );
    let s = Scratch::new();
    let bad = s.write(
        "bad.toml",
        "extends = \"b2b\"\nid = \"bad\"\nremove-roles = [\"head-of-digital\", \"astronaut\"]\n\n[activities.new-thing]\ntitle = \"New\"\narea = \"strategy\"\nraci = { accountable = \"qa-testr\", responsible = [\"web-developer\"] }\n",
    );
    let (code, out, _) = run(&["catalog", "check", &bad.to_string_lossy()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("bad.toml:3:"),
        "the unknown removal is located: {out}"
    );
    assert!(out.contains("`astronaut`"), "{out}");
    assert!(
        out.contains("qa-testr") && out.contains("did you mean `qa-tester`?"),
        "{out}"
    );
    assert!(
        out.contains("head-of-digital"),
        "activities still naming a removed role are reported: {out}"
    );
    let (code, _, _) = run(&[
        "catalog",
        "check",
        &s.write("x.toml", "extends = [").to_string_lossy(),
    ]);
    assert_eq!(code, 2);
}

#[test]
fn the_readme_sample_output_is_real() {
    let readme = std::fs::read_to_string("README.md").expect("README");
    let start = "$ cargo run --release -- check examples/northwind-b2b.toml\n";
    let begin = readme.find(start).expect("sample command in README") + start.len();
    let end = begin + readme[begin..].find("```").expect("end of sample");
    let (_, actual, _) = run(&["check", "examples/northwind-b2b.toml"]);
    assert_eq!(
        &readme[begin..end],
        actual,
        "README's sample output is stale; paste the output of\n  cargo run -- check examples/northwind-b2b.toml"
    );
}

#[test]
fn the_readme_custom_catalog_is_consistent() {
    let readme = std::fs::read_to_string("README.md").expect("README");
    let begin = readme
        .find("extends = \"small-team\"")
        .expect("custom catalog sample");
    let end = begin + readme[begin..].find("```").expect("end of sample");
    let s = Scratch::new();
    let path = s.write("custom.toml", &readme[begin..end]);
    let (code, out, _) = run(&["catalog", "check", &path.to_string_lossy()]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn explain_list_fits_a_narrow_terminal_without_splitting_rule_names() {
    let out = crate::support::teamplan()
        .args(["explain", "--list"])
        .env("COLUMNS", "60")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines().all(|l| l.chars().count() <= 60),
        "wider than 60:\n{text}"
    );
    for rule in teamplan::diag::Rule::ALL {
        assert!(
            text.contains(&format!("│ {} ", rule.name())),
            "`{}` is split:\n{text}",
            rule.name()
        );
    }
}

#[test]
fn catalog_show_never_prints_a_hostile_catalog_raw() {
    let s = Scratch::new();
    let evil = s.write(
        "evil.toml",
        "extends = \"small-team\"\nid = \"evil\"\ntitle = \"T\\u001b]0;pwned\\u0007\\u202e\"\ndescription = \"d\\n::error::pwned\\n##[error]x \\u009b31m\"\n",
    );
    let evil = evil.to_string_lossy();
    for format in ["table", "markdown", "json"] {
        let out = crate::support::teamplan()
            .args([
                "--color", "always", "catalog", "show", &evil, "--format", format,
            ])
            .output()
            .expect("run");
        let text = crate::support::strip_sgr(&String::from_utf8_lossy(&out.stdout));
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert!(
            !text.contains(['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}']),
            "{format}: raw control in\n{text}"
        );
        assert!(!text.contains("##["), "{format}:\n{text}");
        assert!(
            text.lines().all(|l| !l.trim_start().starts_with("::")),
            "{format}:\n{text}"
        );
    }
    let (code, text, err) = run(&["catalog", "show", &evil, "--format", "toml"]);
    assert_eq!(code, 2, "{text}");
    assert!(err.contains("use --format json"), "{err}");
}

#[test]
fn first_hour_messages_point_the_right_way() {
    // `raci` takes one team file and says so for a folder.
    let (code, _, err) = run(&["raci", "examples/org"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("is a folder: name one team file in it"),
        "{err}"
    );
    // A built-in catalog id in the wrong case is named.
    let s = Scratch::new();
    let team = s.write(
        "team.toml",
        "[team]\nname = \"Shop\"\ncatalog = \"D2C\"\n\n[people.a]\nroles = [\"ecommerce-manager\"]\n",
    );
    let (code, out, _) = run(&["check", &team.to_string_lossy()]);
    assert_eq!(code, 2);
    assert!(out.contains("did you mean `d2c`?"), "{out}");
    // Overloaded never suggests raising the fte of someone already full-time.
    let full = s.write(
        "full.toml",
        "[team]\nname = \"Shop\"\ncatalog = \"b2b\"\n\n[people.a]\nroles = [\"ecommerce-manager\", \"web-developer\", \"product-manager\"]\n",
    );
    let (_, out, _) = run(&["check", &full.to_string_lossy(), "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("json");
    let overloaded: Vec<&serde_json::Value> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "overloaded")
        .collect();
    assert!(!overloaded.is_empty(), "{doc}");
    for f in overloaded {
        let help = f["help"].as_str().expect("help");
        assert!(!help.contains("raise their fte"), "{help}");
    }
}

#[test]
fn quiet_is_offered_where_it_quiets_something_and_nowhere_else() {
    let s = crate::support::Scratch::new();
    // raci: the matrix alone, no note on stderr about findings or the file written.
    let out = s.path().join("raci.md");
    let (code, _, err) = run(&[
        "raci",
        "-q",
        "examples/northwind-b2b.toml",
        "--output",
        &out.to_string_lossy(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    let (_, _, err) = run(&[
        "raci",
        "examples/northwind-b2b.toml",
        "--output",
        &out.to_string_lossy(),
    ]);
    assert!(err.contains("has findings"), "{err}");
    // report: no note of the page written.
    let page = s.path().join("report.html");
    let (code, _, err) = run(&[
        "report",
        "-q",
        "examples/northwind-b2b.toml",
        "--output",
        &page.to_string_lossy(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    // init: only the summary line of the new file's check, no next step.
    let team = s.path().join("team.toml");
    let (code, out, err) = run(&[
        "init",
        "-q",
        "--yes",
        "--catalog",
        "small-team",
        &team.to_string_lossy(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(!err.contains("next:"), "{err}");
    // Commands whose output is the data itself do not take it.
    for args in [
        &["catalog", "list", "-q"][..],
        &["explain", "-q", "missing-role"][..],
        &["schema", "-q"][..],
        &[
            "diff",
            "-q",
            "examples/northwind-b2b.toml",
            "examples/northwind-b2b.toml",
        ][..],
    ] {
        let (code, _, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("unexpected argument '-q'"), "{args:?}: {err}");
    }
}

#[test]
fn color_always_colours_each_terminal_output_and_a_pipe_gets_none() {
    for args in [
        &["check", "examples/northwind-b2b.toml"][..],
        &[
            "diff",
            "examples/northwind-b2b.toml",
            "examples/lumiere-b2c.toml",
        ][..],
        &["catalog", "check", "examples/org/catalogs/acme-retail.toml"][..],
        &["explain", "missing-role"][..],
        &["raci", "examples/pine-and-pixel-small-team.toml"][..],
        &["catalog", "show", "b2b"][..],
    ] {
        let mut coloured = vec!["--color", "always"];
        coloured.extend_from_slice(args);
        let (_, out, _) = run(&coloured);
        assert!(
            out.contains("\u{1b}["),
            "{args:?} with --color always: {out}"
        );
        let (_, out, _) = run(args);
        assert!(!out.contains('\u{1b}'), "{args:?} piped: {out}");
        let mut never = vec!["--color", "never"];
        never.extend_from_slice(args);
        let (_, out, _) = run(&never);
        assert!(
            !out.contains('\u{1b}'),
            "{args:?} with --color never: {out}"
        );
    }
}

#[test]
fn schema_for_a_catalog_knows_its_role_and_activity_ids() {
    let for_b2b: serde_json::Value =
        serde_json::from_str(&run(&["schema", "--catalog", "b2b"]).1).expect("json");
    let b2b = jsonschema::validator_for(&for_b2b).expect("compile");
    let generic: serde_json::Value = serde_json::from_str(&run(&["schema"]).1).expect("json");
    let generic = jsonschema::validator_for(&generic).expect("compile");
    let as_json = |text: &str| -> serde_json::Value {
        serde_json::to_value(toml::from_str::<toml::Value>(text).expect("toml")).expect("json")
    };
    let northwind = as_json(&std::fs::read_to_string("examples/northwind-b2b.toml").expect("read"));
    assert!(
        b2b.is_valid(&northwind),
        "the b2b example fits the b2b schema"
    );
    let head = "[team]\nname = \"x\"\ncatalog = \"b2b\"\n";
    // An alias is a role name too.
    let alias = as_json(&format!("{head}[people.a]\nroles = [\"vp-of-digital\"]\n"));
    assert!(b2b.is_valid(&alias));
    let misspelt = as_json(&format!(
        "{head}[people.a]\nroles = [\"ecommerce-manger\"]\n"
    ));
    assert!(!b2b.is_valid(&misspelt), "a misspelt role is flagged");
    assert!(
        generic.is_valid(&misspelt),
        "only the catalog's schema knows the roles"
    );
    let activity = as_json(&format!(
        "{head}[people.a]\nroles = [\"ecommerce-manager\"]\n[raci.paymnet]\naccountable = \"a\"\n"
    ));
    assert!(!b2b.is_valid(&activity), "a misspelt activity is flagged");
    let other = as_json("[team]\nname = \"x\"\ncatalog = \"d2c\"\n");
    assert!(!b2b.is_valid(&other), "the b2b schema is for b2b files");
    let lead = as_json(&format!(
        "{head}[people.a]\nroles = [\"ecommerce-manager\"]\nleads = [\"ecommerce-manger\"]\n"
    ));
    assert!(!b2b.is_valid(&lead), "a misspelt lead is flagged");
    let (code, _, err) = run(&["schema", "--catalog", "b2x"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `b2b`?"), "{err}");
}

#[test]
fn catalog_show_on_a_narrow_terminal_never_splits_an_id() {
    for width in ["50", "60", "80"] {
        let out = crate::support::teamplan()
            .args(["catalog", "show", "small-team"])
            .env("COLUMNS", width)
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&out.stdout);
        let words: std::collections::HashSet<&str> = text
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '·' | ':' | '│' | '┆'))
            .collect();
        let doc: serde_json::Value =
            serde_json::from_str(&run(&["catalog", "show", "small-team", "--format", "json"]).1)
                .expect("json");
        for role in doc["roles"].as_array().expect("roles") {
            let id = role["id"].as_str().expect("id");
            assert!(words.contains(id), "{id} whole at {width} columns:\n{text}");
            for alias in role["aliases"].as_array().expect("aliases") {
                let alias = alias.as_str().expect("alias");
                assert!(
                    words.contains(alias),
                    "{alias} whole at {width} columns:\n{text}"
                );
            }
        }
        let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        let limit: usize = width.parse().expect("width");
        assert!(longest <= limit, "fits {width} columns:\n{text}");
    }
}

#[test]
fn catalog_show_wrapped_at_any_width_never_starts_a_line_with_a_workflow_command() {
    let s = crate::support::Scratch::new();
    let pad = "x".repeat(70);
    let catalog = s.write(
        "evil.toml",
        &format!(
            "extends = \"b2b\"\nid = \"evil\"\ntitle = \"Evil\"\n\
             description = \"{pad} ::error title=A::spaced {pad} \\u200b::error::zero-width\"\n\n\
             [activities.run-listings]\ntitle = \"Test {pad} ::warning::in-a-title\"\narea = \"operations\"\n\
             raci = {{ accountable = \"ecommerce-manager\", responsible = [\"ecommerce-manager\"] }}\n"
        ),
    );
    for width in ["30", "40", "60", "100", "160"] {
        let out = crate::support::teamplan()
            .args(["catalog", "show", &catalog.to_string_lossy()])
            .env("COLUMNS", width)
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("spaced"), "{text}");
        for line in text.lines() {
            assert!(
                !line.trim_start().starts_with("::"),
                "at {width} columns: {line}"
            );
        }
        assert!(
            !text.contains('\u{200b}'),
            "the zero-width space is shown as an escape"
        );
    }
}

#[test]
fn a_catalog_path_that_is_not_a_catalog_file_says_why() {
    let s = crate::support::Scratch::new();
    std::fs::create_dir(s.path().join("dir.toml")).expect("mkdir");
    let (code, _, err) = run(&[
        "schema",
        "--catalog",
        &s.path().join("dir.toml").to_string_lossy(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("is not a regular file"), "{err}");
    let broken = s.write("broken.toml", "extends = \"b2b\"\n[roles.x\n");
    let (code, _, err) = run(&["catalog", "show", &broken.to_string_lossy()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("is not a valid catalog: "),
        "the reason is given: {err}"
    );
}

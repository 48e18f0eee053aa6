//! `teamplan raci` as a user runs it: every format, filters, writing files, and keeping a docs
//! file fresh.

use std::fmt::Write as _;

use crate::support::{CLEAN_SMALL_TEAM, Scratch, run, teamplan};

const PINE: &str = "examples/pine-and-pixel-small-team.toml";
const NORTHWIND: &str = "examples/northwind-b2b.toml";
const BEGIN: &str = "<!-- teamplan:raci:begin -->";
const END: &str = "<!-- teamplan:raci:end -->";

fn stdout_ok(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

/// `teamplan raci FILE` as a terminal of `width` columns shows it.
fn table_at(file: &str, width: &str) -> String {
    let out = teamplan()
        .args(["raci", file])
        .env("COLUMNS", width)
        .output()
        .expect("run");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn table_fits_the_terminal_width() {
    for width in ["60", "80", "120"] {
        let text = table_at(PINE, width);
        let widest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        assert!(
            widest <= width.parse().unwrap_or(0),
            "width {width}: a line is {widest} wide"
        );
        assert!(text.contains("A/R"), "cells are never cut");
    }
    insta::assert_snapshot!("raci_pine_table", table_at(PINE, "80"));
}

#[test]
fn too_many_people_for_the_width_get_numbered_columns_and_a_key() {
    let text = table_at(NORTHWIND, "80");
    assert!(text.contains(" 14  Kim Berg"), "{text}");
    assert!(text.contains("A accountable · R responsible"));
}

/// How many cells of each letter a rendered table or CSV holds.
fn letter_counts(text: &str, separators: &[char]) -> std::collections::BTreeMap<String, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for cell in text.split(|c| separators.contains(&c) || c == '\n') {
        let cell = cell.trim();
        if ["A/R", "A", "R", "C", "I"].contains(&cell) {
            *counts.entry(cell.to_owned()).or_insert(0) += 1;
        }
    }
    counts
}

#[test]
fn a_team_wider_than_the_terminal_is_split_into_tables_that_fit() {
    let text = table_at(NORTHWIND, "80");
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(widest <= 80, "a line is {widest} wide:\n{text}");
    assert!(text.contains("people 1\u{2013}7 of 14"), "{text}");
    assert!(text.contains("people 8\u{2013}14 of 14"), "{text}");
    assert_eq!(text.matches("Activity").count(), 2, "one header per table");
    // Every cell is in exactly one of the tables: the letters add up to the CSV's.
    let csv = stdout_ok(&["raci", NORTHWIND, "--format", "csv"]);
    let table = letter_counts(&text, &['┆', '│']);
    assert_eq!(table, letter_counts(&csv, &[',']));
    assert!(table["A/R"] > 50, "{table:?}");
}

#[test]
fn in_a_terminal_without_columns_the_table_fits_the_terminal() {
    // A real terminal of 70 columns: the width comes from the terminal itself.
    let text = crate::support::in_terminal(70, &format!("raci {NORTHWIND} --area finance"));
    let lines: Vec<&str> = text.lines().filter(|l| l.contains('│')).collect();
    assert!(!lines.is_empty(), "{text}");
    let widest = lines
        .iter()
        .map(|l| l.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    assert!(
        (60..=70).contains(&widest),
        "table {widest} wide in 70 columns:\n{text}"
    );
    assert!(text.contains("people 1\u{2013}"), "split to fit:\n{text}");
}

#[test]
fn a_huge_team_printed_to_a_file_comes_in_tables_of_at_most_50_people() {
    let scratch = Scratch::new();
    let mut team = String::from("[team]\nname = \"Crowd\"\ncatalog = \"small-team\"\n");
    for i in 1..=60 {
        let _ = write!(
            team,
            "\n[people.p{i}]\nname = \"Person {i}\"\nroles = [\"customer-service-representative\"]\nfte = 0.5\n"
        );
    }
    let path = scratch.write("crowd.toml", &team);
    let out = teamplan()
        .args(["raci"])
        .arg(&path)
        .env_remove("COLUMNS")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    let blocks: Vec<&str> = text.split("\npeople ").skip(1).collect();
    assert_eq!(blocks.len(), 2, "{text}");
    assert!(blocks[0].starts_with("1\u{2013}30 of 60"));
    assert!(blocks[0].contains("Person 30") && !blocks[0].contains("Person 31"));
    assert!(blocks[1].starts_with("31\u{2013}60 of 60"));
    assert!(blocks[1].contains("Person 31") && blocks[1].contains("Person 60"));
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!(
        "raci_pine_markdown",
        stdout_ok(&["raci", PINE, "--format", "markdown"])
    );
}

#[test]
fn csv_snapshot_and_quoting() {
    let out = stdout_ok(&["raci", PINE, "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header = reader.headers().expect("header").clone();
    assert_eq!(
        header.iter().take(3).collect::<Vec<_>>(),
        ["area", "activity", "title"]
    );
    let rows: Vec<_> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("valid csv");
    assert!(
        rows.iter().any(|r| r[2].contains(',')),
        "titles with commas are quoted and survive"
    );
    insta::assert_snapshot!("raci_pine_csv", out);
}

#[test]
fn json_has_the_documented_shape() {
    let doc: serde_json::Value =
        serde_json::from_str(&stdout_ok(&["raci", NORTHWIND, "--format", "json"])).expect("json");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["team"], "Northwind Supply");
    assert_eq!(doc["catalog"], "b2b");
    assert_eq!(doc["by"], "person");
    assert_eq!(doc["columns"].as_array().map(Vec::len), Some(14));
    let payment = doc["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["activity"] == "payment-processing"))
        .expect("payment row");
    // The team file overrides payments: Alice accountable, the agency responsible.
    assert_eq!(payment["cells"]["alice"], "A");
    assert_eq!(payment["cells"]["webco"], "R");
    assert_eq!(payment["cells"]["kim"], "C");
    assert_eq!(payment["area"], "technology");
    insta::assert_snapshot!(
        "raci_pine_json",
        stdout_ok(&["raci", PINE, "--format", "json"])
    );
}

#[test]
fn by_role_shows_the_roles_the_team_holds_with_the_work_they_carry() {
    let northwind = "examples/northwind-b2b.toml";
    let json = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec!["raci", northwind, "--format", "json", "--by", "role"];
        args.extend_from_slice(extra);
        serde_json::from_str(&stdout_ok(&args)).expect("json")
    };
    let cell = |doc: &serde_json::Value, activity: &str, role: &str| -> String {
        doc["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .find(|r| r["activity"] == activity)
            .map(|r| r["cells"][role].as_str().unwrap_or("").to_owned())
            .unwrap_or_default()
    };
    let held = json(&[]);
    assert_eq!(held["by"], "role");
    assert_eq!(
        held["roles"], "held",
        "a script can tell the two views apart"
    );
    let columns = held["columns"].as_array().expect("columns");
    assert!(columns.iter().any(|c| c == "ecommerce-manager"), "{held}");
    // Nobody at Northwind is director of eCommerce: no column, and brand consistency (the
    // director's A and R in the catalog) falls up the chain to the eCommerce manager.
    assert!(
        !columns.iter().any(|c| c == "director-of-ecommerce"),
        "{held}"
    );
    assert_eq!(cell(&held, "brand-consistency", "ecommerce-manager"), "AR");

    let all = json(&["--all-roles"]);
    assert_eq!(all["roles"], "catalog");
    // The table says which view it is, and that columns carry other roles' work.
    let table = stdout_ok(&["raci", northwind, "--by", "role"]);
    assert!(
        table.starts_with("Northwind Supply: RACI by role held"),
        "{table}"
    );
    assert!(
        table.contains("also carries the work of roles nobody holds"),
        "{table}"
    );
    let table = stdout_ok(&["raci", northwind, "--by", "role", "--all-roles"]);
    assert!(
        table.starts_with("Northwind Supply: RACI by catalog role"),
        "{table}"
    );
    assert!(!table.contains("also carries"), "{table}");
    let columns = all["columns"].as_array().expect("columns");
    assert!(
        columns.iter().any(|c| c == "director-of-ecommerce"),
        "{all}"
    );
    assert!(columns.iter().any(|c| c == "business-owner"), "{all}");
    assert_eq!(
        cell(&all, "define-ecommerce-strategy", "director-of-ecommerce"),
        "R"
    );
    assert_eq!(cell(&all, "brand-consistency", "ecommerce-manager"), "");

    let (code, _, err) = run(&["raci", northwind, "--all-roles"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--by role"), "{err}");
}

#[test]
fn html_is_one_self_contained_page() {
    let html = stdout_ok(&["raci", PINE, "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.contains("<link") && !html.contains("<script") && !html.contains("src="),
        "no external assets"
    );
    assert!(html.contains("position: sticky"));
    assert!(html.contains("<td class=\"cell AR\">A/R</td>"));
    assert!(html.contains("@media print"));
    insta::assert_snapshot!("raci_pine_html", html);
}

#[test]
fn filters_show_what_a_person_is_on_the_hook_for() {
    let out = stdout_ok(&["raci", NORTHWIND, "--person", "gus", "--format", "csv"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "area,activity,title,gus");
    assert!(
        lines.len() > 2 && lines[1..].iter().all(|l| !l.ends_with(',')),
        "only Gus's rows:\n{out}"
    );
    let out = stdout_ok(&["raci", NORTHWIND, "--area", "finance", "--format", "csv"]);
    assert!(
        out.lines().skip(1).all(|l| l.starts_with("finance,")),
        "{out}"
    );
    let out = stdout_ok(&[
        "raci",
        NORTHWIND,
        "--activity",
        "plan-promotions",
        "--format",
        "csv",
    ]);
    assert_eq!(out.lines().count(), 2);
    let (code, _, err) = run(&["raci", NORTHWIND, "--person", "gsu"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `gus`?"), "{err}");
}

#[test]
fn hostile_names_are_escaped_in_every_format() {
    let s = Scratch::new();
    let team =
        CLEAN_SMALL_TEAM.replace("name = \"Tom\"", "name = \"T|o<b>m\\n\\u001b[31mX\\u202e\"");
    let path = s.write("team.toml", &team);
    let path = path.to_string_lossy().into_owned();
    for format in ["table", "markdown", "csv", "json", "html"] {
        let out = stdout_ok(&["raci", &path, "--format", format]);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{202e}'),
            "{format} leaks control characters"
        );
    }
    let md = stdout_ok(&["raci", &path, "--format", "markdown"]);
    assert!(md.contains("T\\|o&lt;b&gt;m"), "{md}");
    let header = md.lines().next().unwrap_or_default();
    assert_eq!(
        header.matches(" |").count(),
        5,
        "the header still has 5 cells: {header}"
    );
    let html = stdout_ok(&["raci", &path, "--format", "html"]);
    assert!(html.contains("T|o&lt;b&gt;m"));
}

#[test]
fn output_writes_a_file_in_the_format_its_extension_names() {
    let s = Scratch::new();
    let target = s.path().join("raci.html");
    let (code, out, _) = run(&["raci", PINE, "--output", &target.to_string_lossy()]);
    assert_eq!(code, 0);
    assert!(out.is_empty(), "nothing on stdout when writing a file");
    let html = std::fs::read_to_string(&target).expect("written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    let leftovers: Vec<_> = std::fs::read_dir(s.path())
        .expect("dir")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn inject_then_check_is_fresh_and_drift_is_caught() {
    let s = Scratch::new();
    let team = s.write("team.toml", CLEAN_SMALL_TEAM);
    let before =
        format!("# Team\r\n\r\nIntro | with pipes\r\n{BEGIN}\r\nstale\r\n{END}\r\nTail text\r\n");
    let doc = s.write("TEAM.md", &before);
    let team = team.to_string_lossy().into_owned();
    let docs = doc.to_string_lossy().into_owned();

    let (code, _, err) = run(&["raci", &team, "--inject", &docs, "--check"]);
    assert_eq!(code, 1, "stale docs are drift: {err}");
    assert_eq!(
        std::fs::read_to_string(&doc).expect("read"),
        before,
        "--check writes nothing"
    );

    assert_eq!(run(&["raci", &team, "--inject", &docs]).0, 0);
    let after = std::fs::read_to_string(&doc).expect("read");
    assert!(after.starts_with(&format!(
        "# Team\r\n\r\nIntro | with pipes\r\n{BEGIN}\r\n| Activity |"
    )));
    assert!(
        after.ends_with(&format!("\r\n{END}\r\nTail text\r\n")),
        "text after the markers is untouched"
    );
    assert!(
        !after.replace("\r\n", "").contains('\n'),
        "CRLF files stay CRLF"
    );
    assert_eq!(
        run(&["raci", &team, "--inject", &docs, "--check"]).0,
        0,
        "fresh after inject"
    );

    // Editing the team makes the docs stale again, and --check shows the diff.
    s.write(
        "team.toml",
        &CLEAN_SMALL_TEAM.replace("name = \"Sam\"", "name = \"Samira\""),
    );
    let (code, out, _) = run(&["raci", &team, "--inject", &docs, "--check"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("-| Activity | Maya | Tom | Ines | Sam |"),
        "{out}"
    );
    assert!(
        out.contains("+| Activity | Maya | Tom | Ines | Samira |"),
        "{out}"
    );
}

#[test]
fn bad_markers_are_an_error_and_leave_the_file_alone() {
    let s = Scratch::new();
    for doc in [
        "no markers here\n".to_owned(),
        format!("{BEGIN}\nonly the beginning\n"),
        format!("{END}\n{BEGIN}\n"),
        format!("{BEGIN}\n{BEGIN}\n{END}\n"),
    ] {
        let path = s.write("TEAM.md", &doc);
        let (code, _, err) = run(&["raci", PINE, "--inject", &path.to_string_lossy()]);
        assert_eq!(code, 2, "{doc}");
        assert!(err.contains("marker"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), doc);
    }
}

#[test]
fn the_docs_example_is_fresh() {
    let (code, out, err) = run(&[
        "raci",
        NORTHWIND,
        "--inject",
        "examples/docs/TEAM.md",
        "--check",
    ]);
    assert_eq!(
        code, 0,
        "examples/docs/TEAM.md is stale; regenerate it with\n  cargo run -- raci {NORTHWIND} --inject examples/docs/TEAM.md\n{out}{err}"
    );
}

#[test]
fn an_unreadable_team_file_exits_2_with_a_position() {
    let s = Scratch::new();
    let path = s.write(
        "team.toml",
        "[team]\nname = \"X\"\ncatalog = \"b2b\"\nbogus = 1\n",
    );
    let (code, out, err) = run(&["raci", &path.to_string_lossy()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("team.toml:4:1") && err.contains("unknown key `bogus`"),
        "{err}"
    );
}

#[test]
fn a_team_with_findings_still_gets_its_matrix() {
    let (code, out, err) = run(&["raci", "examples/broken.toml", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("area,activity,title,al,bo,cy,di"));
    assert!(err.contains("5 errors, 3 warnings"), "{err}");
}

#[test]
fn mermaid_says_the_matrix_options_do_not_apply_to_it() {
    for extra in [&["--by", "role"][..], &["--area", "finance"][..]] {
        let mut args = vec!["raci", NORTHWIND, "--format", "mermaid"];
        args.extend_from_slice(extra);
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{extra:?}: {out}");
        assert!(err.contains("do not apply"), "{extra:?}: {err}");
    }
}

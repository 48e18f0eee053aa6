//! `plan` and the planning rules on input written to break them: huge names, backfills that
//! point anywhere, dates at the ends of the calendar, currencies that disagree.

use serde_json::Value;

use crate::dates::PLAN;
use crate::support::{Scratch, check_json, rules, run, teamplan};

#[test]
fn a_megabyte_name_is_cut_short_in_terminal_tables_and_kept_whole_elsewhere() {
    let s = Scratch::new();
    let name = "A".repeat(1_000_000);
    let path = s.write(
        "team.toml",
        &PLAN.replace(
            "name = \"Web developer (to hire)\"",
            &format!("name = \"{name}\""),
        ),
    );
    let p = path.to_str().unwrap_or_default();
    let (code, out, _) = run(&["plan", p, "--positions"]);
    assert_eq!(code, 0);
    assert!(out.len() < 10_000, "{} bytes", out.len());
    assert!(out.contains('…'), "the name is cut short");
    let (_, csv, _) = run(&["plan", p, "--positions", "--format", "csv"]);
    assert!(csv.contains(&name), "CSV keeps every character");
}

/// An org where Tom works in two units and the position in one of them backfills him.
fn two_unit_backfill(tom_end: &str) -> Scratch {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path().join(".git")).expect("mkdir");
    s.write(
        "org.toml",
        "[org]\nname = \"O\"\ncatalog = \"small-team\"\ncurrency = \"EUR\"\n",
    );
    s.write(
        "a.toml",
        "[team]\nname = \"A\"\n\n[people.tom]\nroles = [\"web-developer\"]\nfte = 0.8\ncost = 100000\n\n[people.mgr]\nroles = [\"ecommerce-manager\", \"digital-marketer\", \"customer-service\"]\n",
    );
    s.write(
        "c.toml",
        &format!("[team]\nname = \"C\"\n\n[people.tom]\nroles = [\"web-developer\"]\nfte = 0.2\n{tom_end}cost = 20000\n\n[people.hire]\nstatus = \"open\"\nroles = [\"web-developer\"]\nstart = 2027-03-01\nbackfills = \"tom\"\ncost = 90000\n"),
    );
    s
}

fn plan_json(args: &[&str]) -> Value {
    let out = teamplan()
        .arg("plan")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn unit_cost(doc: &Value, unit: &str) -> f64 {
    doc["totals"]["unit"]
        .as_array()
        .expect("units")
        .iter()
        .find(|u| u["name"] == unit)
        .and_then(|u| u["cost"].as_f64())
        .unwrap_or(f64::NAN)
}

#[test]
fn a_backfill_replaces_the_leavers_entry_in_its_own_unit_only() {
    let s = two_unit_backfill("");
    let dir = s.path().to_str().unwrap_or_default().to_owned();
    let doc = plan_json(&[&dir, "--from", "2027-01-01"]);
    // Tom keeps his place in A all year; in C he leaves the day before the hire starts.
    assert!(
        (unit_cost(&doc, "A") - 100_000.0).abs() < 0.01,
        "{:#}",
        doc["totals"]
    );
    let c = 20_000.0 * 59.0 / 365.0 + 90_000.0 * 306.0 / 365.0;
    assert!(
        (unit_cost(&doc, "C") - c).abs() < 0.01,
        "{:#}",
        doc["totals"]
    );
    // The calendar's last day as Tom's end: the backfill never counts, and a note says so.
    let s = two_unit_backfill("end = 9999-12-31\n");
    let dir = s.path().to_str().unwrap_or_default().to_owned();
    let doc = plan_json(&[&dir, "--from", "2027-01-01"]);
    assert!(
        (unit_cost(&doc, "C") - 20_000.0).abs() < 0.01,
        "{:#}",
        doc["totals"]
    );
    assert!(
        doc["notes"].to_string().contains("stays until 9999-12-31"),
        "{doc:#}"
    );
}

#[test]
fn a_backfill_of_itself_or_of_a_position_is_an_error() {
    let s = Scratch::new();
    for (target, says) in [("hire-dev", "itself"), ("hire-x", "an open position")] {
        let text = PLAN.replace("backfills = \"dev\"", &format!("backfills = \"{target}\""))
            + "\n[people.hire-x]\nstatus = \"open\"\nroles = [\"qa-tester\"]\nstart = 2027-09-01\n";
        let path = s.write("team.toml", &text);
        let (code, doc) = check_json(&[&path], &["--at", "2027-02-15"]);
        assert_eq!(code, 1, "{doc:#}");
        assert_eq!(rules(&doc), ["unknown-person"], "{doc:#}");
        assert!(
            doc["findings"][0]["message"]
                .as_str()
                .unwrap_or_default()
                .contains(says)
        );
    }
}

#[test]
fn a_unit_in_another_currency_is_refused_by_check_at_its_line() {
    let s = two_unit_backfill("");
    s.write(
        "c.toml",
        &std::fs::read_to_string(s.path().join("c.toml"))
            .expect("read")
            .replace("name = \"C\"\n", "name = \"C\"\ncurrency = \"USD\"\n"),
    );
    let (code, doc) = check_json(&[s.path()], &["--at", "2027-01-15"]);
    assert_eq!(code, 2, "{doc:#}");
    let f = crate::support::findings_of(&doc, "parse-error")[0];
    assert!(
        f["file"].as_str().unwrap_or_default().ends_with("c.toml"),
        "{f:#}"
    );
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(3), Some(12)),
        "{f:#}"
    );
    assert!(
        f["message"]
            .as_str()
            .unwrap_or_default()
            .contains("USD, but the org's is EUR")
    );
}

#[test]
fn the_calendars_ends_and_huge_ranges_are_handled() {
    let s = Scratch::new();
    let path = s.write("team.toml", PLAN);
    let p = path.to_str().unwrap_or_default();
    let doc = plan_json(&[
        p,
        "--from",
        "9999-10-01",
        "--to",
        "9999-12-31",
        "--by",
        "month",
    ]);
    let labels: Vec<&str> = doc["periods"]
        .as_array()
        .expect("periods")
        .iter()
        .map(|x| x["period"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(labels, ["9999-10", "9999-11", "9999-12"]);
    let doc = plan_json(&[p, "--at", "9999-12-31"]);
    assert_eq!(
        (doc["from"].as_str(), doc["to"].as_str()),
        (Some("9999-10-01"), Some("9999-12-31"))
    );
    let doc = plan_json(&[p, "--from", "0999-01-01", "--to", "0999-03-31"]);
    assert_eq!(doc["periods"][0]["period"], "0999-Q1");
    let (code, _, err) = run(&[
        "plan",
        p,
        "--from",
        "0001-01-01",
        "--to",
        "9999-12-31",
        "--by",
        "month",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("more than 1200 periods"), "{err}");
    // Three centuries by quarter are exactly 1200 periods: taken.
    let doc = plan_json(&[p, "--from", "0001-01-01", "--to", "0300-12-31"]);
    assert_eq!(doc["periods"].as_array().map(Vec::len), Some(1200));
}

#[test]
fn a_blank_teamplan_at_is_no_day_and_two_plans_of_one_name_show_their_paths() {
    let out = teamplan()
        .args([
            "check",
            "examples/pine-and-pixel-small-team.toml",
            "--format",
            "json",
        ])
        .env("TEAMPLAN_AT", "")
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = plan_json(&["--compare", "examples/plan", "examples/plan/"]);
    let names: Vec<&str> = doc["plans"]
        .as_array()
        .expect("plans")
        .iter()
        .map(|x| x["name"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        names,
        [
            "Pine & Pixel (examples/plan)",
            "Pine & Pixel (examples/plan/)"
        ]
    );
}

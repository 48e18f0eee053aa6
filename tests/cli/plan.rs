//! `teamplan plan`: timelines, totals, gaps, the hiring plan and plans compared, with figures
//! worked out by hand.

use serde_json::Value;

use crate::dates::PLAN;
use crate::support::{Scratch, run};

fn plan_json(args: &[&str]) -> Value {
    let mut all = vec!["plan"];
    all.extend(args);
    all.extend(["--format", "json"]);
    let (code, out, err) = run(&all);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("json")
}

fn close(got: &Value, want: f64) -> bool {
    (got.as_f64().unwrap_or(f64::NAN) - want).abs() < 0.006
}

#[test]
fn quarterly_costs_headcount_and_fte_match_figures_worked_out_by_hand() {
    let s = Scratch::new();
    let path = s.write("team.toml", PLAN);
    let doc = plan_json(&[path.to_str().unwrap_or_default(), "--from", "2027-01-01"]);
    assert_eq!(
        (doc["from"].as_str(), doc["to"].as_str()),
        (Some("2027-01-01"), Some("2027-12-31"))
    );
    assert_eq!(doc["currency"], "EUR");
    let periods = doc["periods"].as_array().expect("periods");
    let labels: Vec<&str> = periods
        .iter()
        .map(|p| p["period"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(labels, ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]);
    // Q1 (90 days of 365): Maya, Dev (until 31 March) and Cy all quarter, Mark from
    // 1 February (59 days). 90,000·90/365 + 80,000·90/365 + 60,000·59/365 + 20,000·90/365.
    let q1: f64 = 90_000.0 * 90.0 / 365.0
        + 80_000.0 * 90.0 / 365.0
        + 60_000.0 * 59.0 / 365.0
        + 20_000.0 * 90.0 / 365.0;
    assert!(
        close(&periods[0]["cost"], (q1 * 100.0).round() / 100.0),
        "{:#}",
        periods[0]
    );
    assert!(close(&periods[0]["cost"], 56_547.95));
    // Q2 (91 days): Dev has left, the position backfilling him starts on 1 April at 85,000.
    assert!(
        close(&periods[1]["cost"], 255_000.0 * 91.0 / 365.0),
        "{:#}",
        periods[1]
    );
    assert!(close(&periods[2]["cost"], 255_000.0 * 92.0 / 365.0));
    assert!(close(&periods[3]["cost"], 64_273.97));
    // Headcount: three all quarter and Mark for 59 of 90 days; fte: Cy is half time.
    assert!(close(&periods[0]["headcount"], 3.66), "{:#}", periods[0]);
    assert!(close(&periods[0]["fte"], 3.16));
    assert!(close(&periods[1]["headcount"], 4.0));
    assert!(close(&periods[1]["fte"], 3.5));
    let open: Vec<u64> = periods
        .iter()
        .map(|p| p["open_positions"].as_u64().unwrap_or(9))
        .collect();
    assert_eq!(open, [0, 1, 1, 1]);
    // The marketer's gap closes when Mark starts.
    assert_eq!(
        doc["gaps"],
        serde_json::json!([{"team": "Shop", "role": "digital-marketing-specialist", "from": "2027-01-01", "to": "2027-01-31", "closed_by": "mark"}])
    );
    // The whole year: the quarters added up, the averages weighted by their days.
    assert!(
        close(
            &doc["total"]["cost"],
            56_547.95 + 63_575.34 + 2.0 * 64_273.97
        ),
        "{:#}",
        doc["total"]
    );
    let days = [90.0, 91.0, 92.0, 92.0];
    let heads: f64 = periods
        .iter()
        .zip(days)
        .map(|(p, d)| p["headcount"].as_f64().unwrap_or(0.0) * d)
        .sum::<f64>()
        / 365.0;
    assert!(
        (doc["total"]["headcount"].as_f64().unwrap_or(0.0) - heads).abs() < 0.01,
        "{:#}",
        doc["total"]
    );
    assert_eq!(doc["total"]["open_positions"], 1);
    let engagement = &doc["totals"]["engagement"][0];
    assert_eq!(engagement["name"], "employee");
    assert!(
        close(&engagement["cost"], 56_547.95 + 63_575.34 + 2.0 * 64_273.97),
        "{engagement:#}"
    );
    assert_eq!(doc["without_cost"], 0);
}

#[test]
fn the_default_is_four_quarters_from_the_one_of_the_day_checked() {
    let s = Scratch::new();
    let path = s.write("team.toml", PLAN);
    let doc = plan_json(&[path.to_str().unwrap_or_default(), "--at", "2026-11-15"]);
    assert_eq!(
        (doc["from"].as_str(), doc["to"].as_str()),
        (Some("2026-10-01"), Some("2027-09-30"))
    );
    let doc = plan_json(&[
        path.to_str().unwrap_or_default(),
        "--from",
        "2027-01-01",
        "--to",
        "2027-12-31",
        "--by",
        "month",
    ]);
    assert_eq!(doc["periods"].as_array().map(Vec::len), Some(12));
    assert_eq!(doc["periods"][1]["end"], "2027-02-28");
}

#[test]
fn a_backfill_and_its_leaver_are_never_counted_on_the_same_day() {
    let s = Scratch::new();
    // Dev stays until 30 April, though the position backfilling him starts on 1 April.
    let path = s.write(
        "team.toml",
        &PLAN.replace("end = 2027-03-31", "end = 2027-04-30"),
    );
    let doc = plan_json(&[
        path.to_str().unwrap_or_default(),
        "--from",
        "2027-04-01",
        "--to",
        "2027-06-30",
    ]);
    let q2 = &doc["periods"][0];
    assert!(
        close(&q2["headcount"], 4.0),
        "one of the pair each day: {q2:#}"
    );
    // April is Dev's (80,000), May and June the position's (85,000).
    let want: f64 = (90_000.0 + 60_000.0 + 20_000.0) * 91.0 / 365.0
        + 80_000.0 * 30.0 / 365.0
        + 85_000.0 * 61.0 / 365.0;
    assert!(close(&q2["cost"], (want * 100.0).round() / 100.0), "{q2:#}");
    // A leaver with no end leaves the day before the backfill starts.
    let path = s.write("team.toml", &PLAN.replace("end = 2027-03-31\n", ""));
    let doc = plan_json(&[
        path.to_str().unwrap_or_default(),
        "--from",
        "2027-04-01",
        "--to",
        "2027-06-30",
    ]);
    assert!(
        close(&doc["periods"][0]["headcount"], 4.0),
        "{:#}",
        doc["periods"][0]
    );
}

#[test]
fn a_person_in_two_units_is_one_head_and_a_move_is_not_two() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path().join(".git")).expect("mkdir");
    s.write(
        "org/org.toml",
        "[org]\nname = \"Pine\"\ncatalog = \"small-team\"\ncurrency = \"EUR\"\n",
    );
    s.write(
        "org/lead.toml",
        "[team]\nname = \"Lead\"\n\n[people.maya]\nroles = [\"ecommerce-manager\"]\ncost = 100000\n\n[people.ana]\nroles = [\"digital-marketing-specialist\"]\nfte = 0.5\ncost = 30000\n\n[people.tom]\nroles = [\"web-developer\"]\nend = 2027-06-30\ncost = 80000\n",
    );
    s.write(
        "org/web.toml",
        "[team]\nname = \"Web\"\n\n[people.ana]\nroles = [\"customer-service-representative\"]\nfte = 0.5\ncost = 30000\n\n[people.tom]\nroles = [\"web-developer\"]\nstart = 2027-07-01\ncost = 80000\n",
    );
    let org = s.path().join("org");
    let doc = plan_json(&[org.to_str().unwrap_or_default(), "--from", "2027-01-01"]);
    for p in doc["periods"].as_array().expect("periods") {
        assert!(close(&p["headcount"], 3.0), "Maya, Ana, Tom: {p:#}");
        assert!(close(&p["fte"], 3.0), "{p:#}");
    }
    let units: Vec<(String, f64)> = doc["totals"]["unit"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            (
                u["name"].as_str().unwrap_or_default().to_owned(),
                u["cost"].as_f64().unwrap_or(0.0),
            )
        })
        .collect();
    // Lead: Maya 100,000 + Ana 30,000 + Tom for 181 days; Web: Ana 30,000 + Tom 184 days.
    assert_eq!(units[0].0, "Lead");
    assert!(
        (units[0].1 - (130_000.0 + 80_000.0 * 181.0 / 365.0)).abs() < 0.01,
        "{units:?}"
    );
    assert_eq!(units[1].0, "Web");
    assert!(
        (units[1].1 - (30_000.0 + 80_000.0 * 184.0 / 365.0)).abs() < 0.01,
        "{units:?}"
    );
}

#[test]
fn a_plan_without_costs_still_has_headcount_and_fte() {
    let s = Scratch::new();
    let text: String = PLAN
        .lines()
        .filter(|l| !l.starts_with("cost") && !l.starts_with("currency"))
        .collect::<Vec<_>>()
        .join("\n");
    let path = s.write("team.toml", &text);
    let p = path.to_str().unwrap_or_default();
    let doc = plan_json(&[p, "--from", "2027-01-01"]);
    assert_eq!(doc["without_cost"], 5);
    assert!(close(&doc["periods"][1]["fte"], 3.5));
    assert_eq!(doc["currency"], Value::Null);
    let (code, out, _) = run(&["plan", p, "--from", "2027-01-01"]);
    assert_eq!(code, 0);
    assert!(
        !out.contains("Cost"),
        "no cost column without costs:\n{out}"
    );
    assert!(
        out.contains("5 of the people and positions in the plan have no `cost`"),
        "{out}"
    );
}

#[test]
fn the_hiring_plan_has_the_columns_headcount_tools_import() {
    let s = Scratch::new();
    let path = s.write(
        "team.toml",
        &format!("{PLAN}\n[people.hire-ads]\nname = \"=HYPERLINK(\\\"x\\\")\"\nstatus = \"open\"\nroles = [\"paid-advertising-specialist\", \"content-creator\"]\nstart = 2027-02-01\n"),
    );
    let (code, out, err) = run(&[
        "plan",
        path.to_str().unwrap_or_default(),
        "--positions",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0, "{err}");
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("Title,Unit,Role,Start Date,Cost,Currency,Status,Backfills")
    );
    // By start date; a title a spreadsheet would run is written as text.
    assert_eq!(
        lines.next(),
        Some(
            "\"'=HYPERLINK(\"\"x\"\")\",Shop,paid-advertising-specialist; content-creator,2027-02-01,,EUR,Open,"
        ),
        "{out}"
    );
    assert_eq!(
        lines.next(),
        Some("Web developer (to hire),Shop,web-developer,2027-04-01,85000.00,EUR,Open,dev")
    );
    assert_eq!(lines.next(), None);
}

#[test]
fn plans_in_two_currencies_or_a_range_backwards_are_refused() {
    let s = Scratch::new();
    let a = s.write("a.toml", PLAN);
    let b = s.write(
        "b.toml",
        &PLAN
            .replace("name = \"Shop\"", "name = \"Shop B\"")
            .replace("\"EUR\"", "\"USD\""),
    );
    let (code, _, err) = run(&[
        "plan",
        a.to_str().unwrap_or_default(),
        b.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("EUR") && err.contains("USD") && err.contains("one currency"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "plan",
        a.to_str().unwrap_or_default(),
        "--from",
        "2027-05-01",
        "--to",
        "2027-04-01",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--to (2027-04-01) is before --from (2027-05-01)"),
        "{err}"
    );
}

#[test]
fn compare_shows_which_plan_is_cheaper_and_better_covered_and_what_changed() {
    let s = Scratch::new();
    let base = s.write("base.toml", PLAN);
    // Lean: no backfill for Dev, Mark not hired; a cheaper plan with a gap.
    let lean_text = PLAN
        .replace("name = \"Shop\"", "name = \"Shop (lean)\"")
        .split("[people.hire-dev]")
        .next()
        .unwrap_or_default()
        .to_owned()
        + "[people.cy]\nname = \"Cy Sung\"\nroles = [\"customer-service-representative\", \"digital-marketing-specialist\"]\nfte = 0.5\ncost = 20000\n";
    let lean = s.write("lean.toml", &lean_text);
    let doc = plan_json(&[
        "--compare",
        base.to_str().unwrap_or_default(),
        lean.to_str().unwrap_or_default(),
        "--from",
        "2027-01-01",
    ]);
    let plans = doc["plans"].as_array().expect("plans");
    assert_eq!(plans[0]["name"], "Shop");
    assert_eq!(plans[1]["name"], "Shop (lean)");
    assert_eq!(plans[0]["gaps"], 1, "the marketer, until Mark starts");
    assert_eq!(plans[0]["gap_days"], 31, "all of January");
    assert_eq!(plans[1]["gaps"], 1, "the web developer, from April");
    // Lean drops the position (85,000 from 1 April: 275 days) and Mark (60,000 from
    // 1 February: 334 days).
    let saved = 85_000.0 * 275.0 / 365.0 + 60_000.0 * 334.0 / 365.0;
    assert!(
        close(
            &plans[1]["cost_vs_first"],
            -((saved * 100.0_f64).round() / 100.0)
        ),
        "{:#}",
        plans[1]
    );
    let changes: Vec<(&str, &str)> = plans[1]["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| {
            (
                c["change"].as_str().unwrap_or_default(),
                c["id"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("changed", "cy"),
            ("removed", "hire-dev"),
            ("removed", "mark")
        ]
    );
    let removed = &plans[1]["changes"][1];
    assert!(
        close(
            &removed["cost"],
            -(85_000.0 * 275.0 / 365.0 * 100.0_f64).round() / 100.0
        ),
        "{removed:#}"
    );
    assert_eq!(plans[1]["errors"], 0);
    // The table says the same, with a sign on the difference.
    let (code, out, _) = run(&[
        "plan",
        "--compare",
        base.to_str().unwrap_or_default(),
        lean.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("Changes from Shop to Shop (lean)"), "{out}");
    let (code, _, err) = run(&["plan", "--compare", base.to_str().unwrap_or_default()]);
    assert_eq!(code, 2);
    assert!(err.contains("two plans or more"), "{err}");
}

#[test]
fn markdown_tables_escape_what_a_name_could_inject() {
    let s = Scratch::new();
    let path = s.write(
        "team.toml",
        &PLAN.replace("name = \"Shop\"", "name = \"Shop | <b>x</b>\""),
    );
    let (code, out, _) = run(&[
        "plan",
        path.to_str().unwrap_or_default(),
        "--format",
        "markdown",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("### Shop \\| &lt;b&gt;x&lt;/b&gt;: "),
        "{out}"
    );
    assert!(
        out.contains("| Period | From | To | Headcount | FTE | Cost (EUR) |"),
        "{out}"
    );
}

#[test]
fn the_example_plan_answers_cost_per_quarter_and_when_each_gap_closes() {
    let (code, out, _) = run(&["check", "examples/plan", "--at", "2027-01-15"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("no findings"), "{out}");
    let (code, out, _) = run(&[
        "check",
        "examples/plan",
        "--at",
        "2027-06-05",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(crate::support::rules(&doc), ["planned-hire"]);
    let doc = plan_json(&["examples/plan", "--at", "2027-01-15"]);
    assert_eq!(doc["from"], "2027-01-01");
    // Q4: everyone of the plan is there, Ana once (she moved from Support to Marketing and
    // her old place is backfilled): 412,000 a year for 92 of 365 days.
    let q4 = &doc["periods"][3];
    assert!(close(&q4["cost"], 412_000.0 * 92.0 / 365.0), "{q4:#}");
    assert!(close(&q4["headcount"], 9.0), "{q4:#}");
    assert!(close(&q4["fte"], 7.5), "{q4:#}");
    assert_eq!(
        doc["gaps"],
        serde_json::json!([{"team": "Pine & Pixel", "role": "web-developer", "from": "2027-06-01", "to": "2027-06-14", "closed_by": "hire-web"}])
    );
    let units: Vec<&str> = doc["totals"]["unit"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["name"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(units, ["Leadership", "Marketing", "Support", "Web"]);
    let (code, out, _) = run(&["plan", "examples/plan", "--positions", "--format", "csv"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.lines().count(),
        4,
        "three positions and a header:\n{out}"
    );
}

#[test]
fn the_readme_shows_the_example_plan_as_it_is() {
    let readme = std::fs::read_to_string("README.md").expect("README");
    let start = "$ teamplan plan examples/plan --at 2027-01-15\n";
    let begin = readme.find(start).expect("the sample in README") + start.len();
    let shown = &readme[begin..begin + readme[begin..].find("```").expect("end of block")];
    let (code, out, _) = run(&["plan", "examples/plan", "--at", "2027-01-15"]);
    assert_eq!(code, 0);
    // The README leaves out the note under the timeline and the totals after the gaps.
    let kept: Vec<&str> = out
        .split("\nBy unit")
        .next()
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with("Open positions count"))
        .collect();
    assert_eq!(
        shown.trim_end(),
        kept.join("\n").trim_end(),
        "paste the output of\n  cargo run -- plan examples/plan --at 2027-01-15"
    );
}

#[test]
fn a_backfill_moved_after_its_leaver_is_said_and_a_hired_backfill_is_a_person() {
    let s = Scratch::new();
    let path = s.write(
        "team.toml",
        &PLAN.replace("end = 2027-03-31", "end = 2027-12-31"),
    );
    let doc = plan_json(&[path.to_str().unwrap_or_default(), "--from", "2027-01-01"]);
    let notes = doc["notes"].to_string();
    assert!(
        notes.contains("`hire-dev` backfills `dev`, who stays until 2027-12-31"),
        "{notes}"
    );
    // Hired: `status = "open"` removed, `backfills` kept; the team checks clean.
    let path = s.write("team.toml", &PLAN.replace("status = \"open\"\n", ""));
    let (code, out, _) = run(&[
        "check",
        path.to_str().unwrap_or_default(),
        "--at",
        "2027-05-01",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("no findings"), "{out}");
}

#[test]
fn compare_csv_keeps_figures_numbers_and_says_which_plan_lacks_costs() {
    let s = Scratch::new();
    let base = s.write("base.toml", PLAN);
    let cheap = s.write(
        "cheap.toml",
        &PLAN
            .replace("name = \"Shop\"", "name = \"Cheap\"")
            .replace("cost = 60000\n", ""),
    );
    let (b, c) = (
        base.to_str().unwrap_or_default(),
        cheap.to_str().unwrap_or_default(),
    );
    let (code, out, _) = run(&[
        "plan",
        "--compare",
        b,
        c,
        "--format",
        "csv",
        "--from",
        "2027-01-01",
    ]);
    assert_eq!(code, 0);
    let row = out.lines().nth(2).unwrap_or_default();
    assert!(row.starts_with("Cheap,"), "{out}");
    assert!(
        row.contains(",-54904.11,"),
        "a negative figure is a number, not text: {row}"
    );
    let (_, out, _) = run(&["plan", "--compare", b, c, "--from", "2027-01-01"]);
    assert!(
        out.contains("Cheap: 1 of the people and positions have no `cost`"),
        "{out}"
    );
}

#[test]
fn plan_says_when_the_teams_have_findings_that_day() {
    let s = Scratch::new();
    let path = s.write("team.toml", PLAN);
    let p = path.to_str().unwrap_or_default();
    let (code, _, err) = run(&["plan", p, "--at", "2027-04-05"]);
    assert_eq!(code, 0);
    assert!(
        err.contains("have findings on 2027-04-05 (1 error, 0 warnings)")
            && err.contains("--at 2027-04-05`"),
        "{err}"
    );
    let (_, _, err) = run(&["plan", p, "--at", "2027-02-15"]);
    assert!(err.is_empty(), "{err}");
}

//! Dated teams: start and end, open positions, `check --at` and `TEAMPLAN_AT`.

use crate::support::{Scratch, check_json, findings_of, rules, run, teamplan};

/// A small team with a leaver (`dev`, until March), the position that backfills them (from
/// April), a new starter (`mark`, from February) and a part-time support person.
pub const PLAN: &str = r#"[team]
name = "Shop"
catalog = "small-team"
currency = "EUR"

[people.maya]
name = "Maya Chen"
roles = ["ecommerce-manager"]
cost = 90000

[people.dev]
name = "Dev Okafor"
roles = ["web-developer"]
cost = 80000
end = 2027-03-31

[people.hire-dev]
name = "Web developer (to hire)"
status = "open"
roles = ["web-developer"]
start = 2027-04-01
backfills = "dev"
cost = 85000

[people.mark]
name = "Mark Ito"
roles = ["digital-marketing-specialist"]
start = 2027-02-01
cost = 60000

[people.cy]
name = "Cy Sung"
roles = ["customer-service-representative"]
fte = 0.5
cost = 20000
"#;

fn plan() -> (Scratch, std::path::PathBuf) {
    let s = Scratch::new();
    let path = s.write("team.toml", PLAN);
    (s, path)
}

#[test]
fn a_role_waiting_for_a_starter_is_a_planned_hire_naming_who_and_when() {
    let (_s, path) = plan();
    let (code, doc) = check_json(&[&path], &["--at", "2026-12-01"]);
    assert_eq!(code, 0, "a planned hire is a warning: {doc:#}");
    assert_eq!(rules(&doc), ["planned-hire"]);
    let f = &findings_of(&doc, "planned-hire")[0];
    assert_eq!(f["role"], "digital-marketing-specialist");
    assert_eq!(f["person"], "mark");
    let message = f["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("Mark Ito") && message.contains("2027-02-01"),
        "{message}"
    );
    assert_eq!(f["line"], 25, "at the starter's [people.mark]");
    assert_eq!(doc["at"], "2026-12-01");
    // Mark has not started: the team counts three people that day.
    assert_eq!(doc["summary"]["people"], 3);
}

#[test]
fn once_everyone_started_the_team_is_clean_and_a_leaver_holds_nothing_after_their_end() {
    let (_s, path) = plan();
    // Dev's last day: still there; Mark started.
    let (code, doc) = check_json(&[&path], &["--at", "2027-03-31"]);
    assert_eq!((code, rules(&doc)), (0, vec![]), "{doc:#}");
    assert_eq!(doc["summary"]["people"], 4);
    // The next day Dev is gone and the open position starts: it holds nothing, so the role
    // is missing, and the help names the position that was to fill it.
    let (code, doc) = check_json(&[&path], &["--at", "2027-04-01"]);
    assert_eq!(code, 1);
    assert_eq!(rules(&doc), ["missing-role"], "{doc:#}");
    let f = &findings_of(&doc, "missing-role")[0];
    assert_eq!(f["role"], "web-developer");
    let help = f["help"].as_str().unwrap_or_default();
    assert!(
        help.contains("hire-dev") && help.contains("2027-04-01"),
        "{help}"
    );
}

#[test]
fn a_gap_between_a_leaver_and_a_later_hire_is_a_planned_hire() {
    let s = Scratch::new();
    let path = s.write(
        "team.toml",
        &PLAN.replace("start = 2027-04-01", "start = 2027-05-01"),
    );
    let (code, doc) = check_json(&[&path], &["--at", "2027-04-10"]);
    assert_eq!(code, 0);
    assert_eq!(rules(&doc), ["planned-hire"], "{doc:#}");
    assert_eq!(findings_of(&doc, "planned-hire")[0]["person"], "hire-dev");
}

#[test]
fn teamplan_at_sets_the_day_and_the_command_line_wins() {
    let (_s, path) = plan();
    let json = |env: Option<&str>, extra: &[&str]| {
        let mut cmd = teamplan();
        cmd.arg("check")
            .arg(&path)
            .args(["--format", "json"])
            .args(extra);
        match env {
            Some(day) => cmd.env("TEAMPLAN_AT", day),
            None => cmd.env_remove("TEAMPLAN_AT"),
        };
        let out = cmd.output().expect("run");
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        doc
    };
    let doc = json(Some("2026-12-01"), &[]);
    assert_eq!(doc["at"], "2026-12-01");
    assert_eq!(rules(&doc), ["planned-hire"]);
    let doc = json(Some("2026-12-01"), &["--at", "2027-04-01"]);
    assert_eq!(doc["at"], "2027-04-01");
    assert_eq!(rules(&doc), ["missing-role"]);
    // Without either, today's date is recorded.
    let doc = json(None, &[]);
    let today = doc["at"].as_str().unwrap_or_default();
    assert_eq!(today.len(), 10, "{doc:#}");
    assert!(today.starts_with("20"), "{today}");
}

#[test]
fn a_day_that_is_not_a_date_is_refused_before_anything_runs() {
    let (_s, path) = plan();
    let path = path.to_string_lossy().into_owned();
    for bad in ["2027-02-30", "tomorrow", "2027/01/01"] {
        let (code, _, err) = run(&["check", &path, "--at", bad]);
        assert_eq!(code, 2, "{bad}");
        assert!(err.contains("YYYY-MM-DD"), "{bad}: {err}");
    }
}

#[test]
fn a_move_between_units_on_consecutive_days_is_no_over_allocation() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path().join(".git")).expect("mkdir");
    s.write(
        "org.toml",
        "[org]\nname = \"Pine\"\ncatalog = \"small-team\"\n",
    );
    s.write(
        "lead.toml",
        "[team]\nname = \"Lead\"\n\n[people.maya]\nroles = [\"ecommerce-manager\"]\n\n[people.ines]\nroles = [\"digital-marketing-specialist\"]\n\n[people.cy]\nroles = [\"customer-service-representative\"]\n\n[people.tom]\nname = \"Tom\"\nroles = [\"web-developer\"]\nend = 2027-06-30\n",
    );
    let web = s.write(
        "web.toml",
        "[team]\nname = \"Web\"\n\n[people.tom]\nname = \"Tom\"\nroles = [\"web-developer\"]\nstart = 2027-07-01\n",
    );
    for day in ["2027-06-30", "2027-07-01", "2027-12-31"] {
        let (code, doc) = check_json(&[s.path()], &["--at", day]);
        assert_eq!((code, rules(&doc)), (0, vec![]), "{day}: {doc:#}");
    }
    // Starting in the new unit two weeks before leaving the old: 2.0 fte for those days.
    std::fs::write(
        &web,
        std::fs::read_to_string(&web)
            .expect("read")
            .replace("07-01", "06-15"),
    )
    .expect("write");
    let (code, doc) = check_json(&[s.path()], &["--at", "2027-06-20"]);
    assert_eq!(code, 1);
    assert_eq!(rules(&doc), ["over-allocated"], "{doc:#}");
    let (code, doc) = check_json(&[s.path()], &["--at", "2027-07-01"]);
    assert_eq!((code, rules(&doc)), (0, vec![]), "{doc:#}");
}

#[test]
fn planning_fields_written_wrong_are_errors_at_their_place() {
    let s = Scratch::new();
    let cases: [(&str, &str, &str); 7] = [
        (
            "start = \"2027-01-01\"",
            "expected a date",
            "start = 2027-01-01",
        ),
        ("start = 2027-01-01T10:00:00", "must be a day", "no time"),
        (
            "start = 2027-05-01\nend = 2027-01-01",
            "is before `start`",
            "inclusive",
        ),
        ("status = \"open\"", "has no `start`", "start = "),
        ("cost = -5", "from 0 to a trillion", ""),
        ("status = \"hired\"", "unknown value `hired`", "filled"),
        ("cost = 1e300", "from 0 to a trillion", "per year"),
    ];
    for (lines, message, help) in cases {
        let path = s.write(
            "team.toml",
            &format!(
                "[team]\nname = \"T\"\ncatalog = \"small-team\"\n\n[people.maya]\nroles = [\"ecommerce-manager\"]\n\n[people.bo]\nroles = [\"web-developer\"]\n{lines}\n"
            ),
        );
        let (code, doc) = check_json(&[&path], &[]);
        assert_eq!(code, 2, "{lines}: {doc:#}");
        let f = &doc["findings"][0];
        assert_eq!(f["rule"], "parse-error", "{lines}");
        assert!(
            f["line"].as_u64().unwrap_or(0) >= 8,
            "{lines}: points into bo: {f:#}"
        );
        let text = f.to_string();
        assert!(text.contains(message), "{lines}: {f:#}");
        assert!(text.contains(help), "{lines}: {f:#}");
    }
    let path = s.write(
        "team.toml",
        "[team]\nname = \"T\"\ncatalog = \"small-team\"\ncurrency = \"euro\"\n",
    );
    let (code, doc) = check_json(&[&path], &[]);
    assert_eq!(code, 2);
    assert!(
        doc["findings"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("ISO 4217")
    );
    assert_eq!(doc["findings"][0]["line"], 4);
}

#[test]
fn backfilling_nobody_is_an_unknown_person_with_a_did_you_mean() {
    let s = Scratch::new();
    let path = s.write(
        "team.toml",
        &PLAN.replace("backfills = \"dev\"", "backfills = \"deb\""),
    );
    let (code, doc) = check_json(&[&path], &["--at", "2027-02-15"]);
    assert_eq!(code, 1);
    assert_eq!(rules(&doc), ["unknown-person"], "{doc:#}");
    let f = &findings_of(&doc, "unknown-person")[0];
    assert_eq!(f["help"], "did you mean `dev`?");
    assert_eq!(f["line"], 22, "at the name backfilled");
}

#[test]
fn the_schema_describes_the_planning_fields() {
    let (code, out, _) = run(&["schema"]);
    assert_eq!(code, 0);
    let schema: serde_json::Value = serde_json::from_str(&out).expect("json");
    let person = &schema["$defs"]["PersonEntry"]["properties"];
    for key in ["start", "end", "status", "backfills", "cost"] {
        assert!(person.get(key).is_some(), "{key}");
    }
    assert_eq!(person["start"]["format"], "date");
    assert!(
        schema["$defs"]["TeamSection"]["properties"]
            .get("currency")
            .is_some()
    );
}

#[test]
fn export_leaves_out_open_positions_and_who_is_not_there_on_the_day() {
    let (_s, path) = plan();
    let path = path.to_string_lossy().into_owned();
    let users = |day: &str| {
        let (code, out, err) = run(&["export", &path, "--at", day]);
        assert_eq!(code, 0, "{err}");
        let docs = serde_saphyr::from_multiple::<serde_json::Value>(&out).expect("yaml");
        let mut names: Vec<String> = docs
            .iter()
            .filter(|d| d["kind"] == "User")
            .map(|d| {
                d["metadata"]["name"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect();
        names.sort();
        names
    };
    assert_eq!(users("2027-02-15"), ["cy", "dev", "mark", "maya"]);
    assert_eq!(users("2027-04-15"), ["cy", "mark", "maya"]);
}

#[test]
fn diff_shows_dates_positions_and_costs_that_changed() {
    let s = Scratch::new();
    let old = s.write("old/team.toml", PLAN);
    let new = s.write(
        "new/team.toml",
        &format!(
            "{}\n[people.hire-qa]\nname = \"QA (to hire)\"\nstatus = \"open\"\nroles = [\"qa-tester\"]\nstart = 2027-10-01\ncost = 30000\n",
            PLAN.replace("start = 2027-04-01", "start = 2027-05-01")
        ),
    );
    let (code, out, err) = run(&[
        "diff",
        old.to_str().unwrap_or_default(),
        new.to_str().unwrap_or_default(),
        "--format",
        "json",
        "--at",
        "2027-01-15",
    ]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("json");
    let plan = &doc["teams"][0]["plan"];
    assert_eq!(
        plan,
        &serde_json::json!([
            {"person": "hire-dev", "old": "start 2027-04-01", "new": "start 2027-05-01"},
            {"person": "hire-qa", "old": "none", "new": "status open, start 2027-10-01, cost 30000/yr"}
        ]),
        "{doc:#}"
    );
}

#[test]
fn raci_shows_who_holds_roles_on_the_day() {
    let (_s, path) = plan();
    let path = path.to_string_lossy().into_owned();
    let columns = |day: &str| {
        let (code, out, err) = run(&["raci", &path, "--format", "json", "--at", day]);
        assert_eq!(code, 0, "{err}");
        let doc: serde_json::Value = serde_json::from_str(&out).expect("json");
        doc["columns"].clone()
    };
    assert_eq!(
        columns("2026-12-01"),
        serde_json::json!(["maya", "dev", "cy"])
    );
    assert_eq!(
        columns("2027-02-15"),
        serde_json::json!(["maya", "dev", "mark", "cy"])
    );
}

#[test]
fn a_misspelt_role_of_an_open_position_is_said_before_it_starts() {
    let s = Scratch::new();
    let path = s.write(
        "team.toml",
        &PLAN.replace(
            "roles = [\"web-developer\"]\nstart = 2027-04-01",
            "roles = [\"web-develper\"]\nstart = 2027-04-01",
        ),
    );
    let (code, doc) = check_json(&[&path], &["--at", "2027-02-15"]);
    assert_eq!(code, 1);
    assert_eq!(rules(&doc), ["unknown-role"], "{doc:#}");
    let f = &findings_of(&doc, "unknown-role")[0];
    assert_eq!(f["person"], "hire-dev");
    assert_eq!(f["help"], "did you mean `web-developer`?");
}

#[test]
fn the_summary_line_says_the_day_when_the_team_has_dates() {
    let (_s, path) = plan();
    let path = path.to_string_lossy().into_owned();
    let (_, out, _) = run(&["check", &path, "--at", "2027-02-15"]);
    assert!(
        out.trim_end()
            .ends_with("checked on 2027-02-15, no findings"),
        "{out}"
    );
    let (_, out, _) = run(&["check", "examples/pine-and-pixel-small-team.toml"]);
    assert!(
        out.trim_end().ends_with("(4 people) checked, no findings"),
        "no dates, no day: {out}"
    );
}

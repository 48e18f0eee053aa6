//! Every rule fires on a team made to break it, at the place the fix belongs, and is silent
//! on a clean team.

use crate::support::{CLEAN_SMALL_TEAM, Scratch, check_json, findings_of, rules};

/// Check one team file written from `text`; returns (exit code, document).
fn check(text: &str) -> (i32, serde_json::Value) {
    let s = Scratch::new();
    let path = s.write("team.toml", text);
    check_json(&[&path], &[])
}

/// Assert `rule` fires exactly `count` times, on the 1-based `line` for the first finding.
fn assert_fires(text: &str, rule: &str, line: u64) -> serde_json::Value {
    let (_, doc) = check(text);
    let found = findings_of(&doc, rule);
    assert!(
        !found.is_empty(),
        "{rule} did not fire; got {:?}",
        rules(&doc)
    );
    assert_eq!(
        found[0]["line"], line,
        "{rule} points at the wrong line: {}",
        found[0]
    );
    for key in [
        "rule", "level", "team", "file", "line", "column", "message", "help",
    ] {
        assert!(!found[0][key].is_null(), "{rule} lacks `{key}`");
    }
    found[0].clone()
}

fn with(extra: &str) -> String {
    format!("{CLEAN_SMALL_TEAM}{extra}")
}

#[test]
fn the_clean_team_has_no_findings_at_all() {
    let (code, doc) = check(CLEAN_SMALL_TEAM);
    assert_eq!(rules(&doc), Vec::<String>::new());
    assert_eq!(code, 0);
}

#[test]
fn missing_role_points_at_the_team_table_and_lists_the_activities() {
    let text = CLEAN_SMALL_TEAM.replace("roles = [\"web-developer\"]", "roles = []");
    let f = assert_fires(&text, "missing-role", 1);
    assert_eq!(f["role"], "web-developer");
    assert_eq!(f["level"], "error");
    assert!(f["activities"].as_array().is_some_and(|a| !a.is_empty()));
}

#[test]
fn missing_recommended_role_is_a_warning() {
    let text = r#"[team]
name = "Almost"
catalog = "b2b"
"#;
    let (_, doc) = check(text);
    let f = findings_of(&doc, "missing-recommended-role");
    assert!(!f.is_empty());
    assert!(f.iter().all(|f| f["level"] == "warning"));
}

#[test]
fn unknown_role_suggests_the_closest_role() {
    let text = CLEAN_SMALL_TEAM.replace("\"web-developer\"", "\"web-develper\"");
    let f = assert_fires(&text, "unknown-role", 11);
    assert_eq!(f["column"], 10);
    assert!(
        f["help"]
            .as_str()
            .unwrap_or_default()
            .contains("`web-developer`"),
        "{f}"
    );
}

#[test]
fn aliases_resolve_to_their_role() {
    let text = CLEAN_SMALL_TEAM.replace("\"digital-marketing-specialist\"", "\"digital-marketer\"");
    let (code, doc) = check(&text);
    assert_eq!((code, rules(&doc)), (0, vec![]));
}

#[test]
fn person_without_roles_points_at_the_person() {
    let f = assert_fires(
        &with("\n[people.zed]\nname = \"Zed\"\n"),
        "person-without-roles",
        21,
    );
    assert_eq!(f["person"], "zed");
}

#[test]
fn overloaded_counts_work_against_fte() {
    let text = CLEAN_SMALL_TEAM.replace(
        "roles = [\"ecommerce-manager\"]",
        "roles = [\"ecommerce-manager\"]\nfte = 0.2",
    );
    let f = assert_fires(&text, "overloaded", 7);
    assert_eq!(f["person"], "maya");
    assert_eq!(f["level"], "warning");
}

#[test]
fn overloaded_counts_hats_against_the_catalog_limit() {
    let text = r#"[team]
name = "Hats"
catalog = "b2b"

[people.x]
roles = ["head-of-digital", "finance-manager", "crm-manager", "analytics-specialist"]
"#;
    let (_, doc) = check(text);
    assert!(findings_of(&doc, "overloaded").iter().any(|f| {
        f["message"]
            .as_str()
            .unwrap_or_default()
            .contains("holds 4 roles")
    }));
}

#[test]
fn conflicting_roles_points_at_the_second_role() {
    let text = CLEAN_SMALL_TEAM.replace(
        "roles = [\"web-developer\"]",
        "roles = [\"web-developer\", \"qa-tester\"]",
    );
    let f = assert_fires(&text, "conflicting-roles", 11);
    assert_eq!(f["column"], 27);
}

#[test]
fn a_shared_single_role_is_a_warning_and_its_activities_one_error() {
    let text = with("\n[people.max]\nname = \"Max\"\nroles = [\"ecommerce-manager\"]\n");
    let single = assert_fires(&text, "shared-single-role", 23);
    assert_eq!(single["level"], "warning");
    assert_eq!(single["people"], serde_json::json!(["maya", "max"]));
    let f = assert_fires(&text, "no-lead", 23);
    assert!(f["activities"].as_array().is_some_and(|a| a.len() > 1));
    let (_, doc) = check(&text);
    assert_eq!(findings_of(&doc, "no-lead").len(), 1, "grouped by role");
    // A lead answers for the role; sharing a single-holder role stays a warning.
    let led = text.replace(
        "name = \"Max\"\nroles = [\"ecommerce-manager\"]\n",
        "name = \"Max\"\nroles = [\"ecommerce-manager\"]\nleads = [\"ecommerce-manager\"]\n",
    );
    let (code, doc) = check(&led);
    assert_eq!(rules(&doc), vec!["shared-single-role"], "{doc}");
    assert_eq!(code, 0);
}

#[test]
fn shared_single_role_is_silent_for_roles_many_can_hold() {
    let text = with(
        "\n[people.liz]\nname = \"Liz\"\nroles = [\"graphic-designer\"]\n\n[people.max]\nname = \"Max\"\nroles = [\"graphic-designer\"]\n",
    );
    let (code, doc) = check(&text);
    assert_eq!((code, rules(&doc)), (0, vec![]));
}

#[test]
fn a_role_in_an_overrides_accountable_means_its_lead() {
    let text = with(
        "\n[people.liz]\nname = \"Liz\"\nroles = [\"graphic-designer\"]\n\n[people.max]\nname = \"Max\"\nroles = [\"graphic-designer\"]\n\n[raci.process-returns]\naccountable = \"graphic-designer\"\nresponsible = [\"sam\"]\n",
    );
    // Two designers, no lead: the override makes both accountable.
    let f = assert_fires(&text, "no-lead", 27);
    assert_eq!(f["role"], "graphic-designer");
    assert_eq!(f["people"], serde_json::json!(["liz", "max"]));
    assert_eq!(f["activities"], serde_json::json!(["process-returns"]));
    // With a lead, the lead alone answers; both keep the role's other letters.
    let led = text.replace(
        "name = \"Max\"\nroles = [\"graphic-designer\"]\n",
        "name = \"Max\"\nroles = [\"graphic-designer\"]\nleads = [\"graphic-designer\"]\n",
    );
    let (code, doc) = check(&led);
    assert_eq!((code, rules(&doc)), (0, vec![]), "{doc}");
    let s = Scratch::new();
    let path = s.write("team.toml", &led);
    let (_, out, _) = crate::support::run(&["raci", &path.to_string_lossy(), "-f", "json"]);
    let matrix: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let row = |id: &str| {
        matrix["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .find(|r| r["activity"] == id)
            .cloned()
            .expect("row")
    };
    assert_eq!(row("process-returns")["cells"]["max"], "A");
    assert!(row("process-returns")["cells"]["liz"].is_null());
    // Every holder keeps the role's R.
    let visuals = row("create-marketing-visuals");
    assert_eq!(visuals["cells"]["max"], "R", "{visuals}");
    assert_eq!(visuals["cells"]["liz"], "R", "{visuals}");
}

#[test]
fn one_lead_per_role_and_only_of_a_role_held() {
    let text = with(
        "\n[people.liz]\nname = \"Liz\"\nroles = [\"graphic-designer\"]\nleads = [\"graphic-designer\", \"marketing-manager\"]\n\n[people.max]\nname = \"Max\"\nroles = [\"graphic-designer\"]\nleads = [\"graphic-designer\"]\n",
    );
    let f = assert_fires(&text, "lead-not-held", 24);
    assert_eq!(f["role"], "marketing-manager");
    let f = assert_fires(&text, "multiple-leads", 29);
    assert_eq!(f["person"], "max");
    assert!(
        f["message"].as_str().unwrap_or_default().contains(
            "leads Graphic Designer (`graphic-designer`), which Liz (`liz`) leads already"
        ),
        "{f}"
    );
    let (_, doc) = check(&text);
    assert!(findings_of(&doc, "no-lead").is_empty(), "Liz leads: {doc}");
}

#[test]
fn a_misspelt_lead_suggests_the_role_the_person_holds() {
    // `business-developer` is closer to `business-owner` in the catalog, but Eva holds
    // `business-development-executive`: a lead leads one of their own roles.
    let text = with(
        "\n[people.eva]\nname = \"Eva\"\nroles = [\"business-development-executive\"]\nleads = [\"business-developer\"]\n",
    );
    let (_, doc) = check(&text);
    let f = findings_of(&doc, "lead-not-held");
    assert_eq!(f.len(), 1, "{doc}");
    assert_eq!(
        f[0]["help"], "did you mean `business-development-executive`?",
        "{doc}"
    );
}

#[test]
fn an_override_changes_only_the_letters_it_names() {
    // `consulted` alone keeps the catalog's A and R: customer service still runs returns.
    let text = with("\n[raci.process-returns]\nconsulted = [\"maya\"]\n");
    let (code, doc) = check(&text);
    assert_eq!(rules(&doc), Vec::<String>::new(), "{doc}");
    assert_eq!(code, 0);
    // `responsible = []` clears R, and nobody is left to do the work.
    let text = with("\n[raci.process-returns]\nresponsible = []\n");
    assert_fires(&text, "no-responsible", 21);
}

#[test]
fn an_override_whose_accountable_reaches_nobody_is_one_missing_role() {
    // The override gives returns to the logistics role, whose work falls to the eCommerce
    // manager, whom nobody is: the gap is said once, as the missing role.
    let text = with("\n[raci.process-returns]\naccountable = \"logistics-manager\"\n")
        .replace("roles = [\"ecommerce-manager\"]", "roles = []");
    let (_, doc) = check(&text);
    assert_eq!(findings_of(&doc, "missing-role").len(), 1, "{doc}");
    assert!(findings_of(&doc, "no-accountable").is_empty(), "{doc}");
}

#[test]
fn unknown_activity_suggests_the_closest() {
    let f = assert_fires(
        &with("\n[raci.proces-returns]\naccountable = \"sam\"\nresponsible = [\"sam\"]\n"),
        "unknown-activity",
        21,
    );
    assert!(
        f["help"]
            .as_str()
            .unwrap_or_default()
            .contains("process-returns")
    );
}

#[test]
fn a_misspelt_person_in_a_misspelt_activity_is_said_in_the_same_run() {
    let text = with("\n[raci.proces-returns]\naccountable = \"samm\"\nresponsible = [\"sam\"]\n");
    assert_fires(&text, "unknown-activity", 21);
    let f = assert_fires(&text, "unknown-person", 22);
    assert!(f["help"].as_str().unwrap_or_default().contains("`sam`"));
}

#[test]
fn unknown_person_in_an_override_is_reported_once() {
    let text = with("\n[raci.process-returns]\naccountable = \"sam\"\nresponsible = [\"samm\"]\n");
    let f = assert_fires(&text, "unknown-person", 23);
    assert!(f["help"].as_str().unwrap_or_default().contains("`sam`"));
    let (_, doc) = check(&text);
    assert!(
        findings_of(&doc, "no-responsible").is_empty(),
        "one cause, one finding"
    );
}

#[test]
fn not_consulted_and_not_informed_follow_the_catalog() {
    let text = with(
        "\n[people.ivy]\nname = \"Ivy\"\nroles = [\"inventory-manager\"]\n\n[raci.plan-promotions]\naccountable = \"ines\"\nresponsible = [\"ines\"]\nconsulted = []\ninformed = []\n",
    );
    // Promotions must consult whoever owns inventory (Ivy) and inform customer service (Sam):
    // an override that clears C and I loses them.
    let (_, doc) = check(&text);
    let informed = findings_of(&doc, "not-informed");
    assert!(!informed.is_empty(), "{:?}", rules(&doc));
    assert_eq!(informed[0]["line"], 25);
    assert!(
        !findings_of(&doc, "not-consulted").is_empty(),
        "{:?}",
        rules(&doc)
    );
    let fixed = text.replace(
        "consulted = []\ninformed = []\n",
        "consulted = [\"ivy\"]\ninformed = [\"sam\"]\n",
    );
    let (_, doc) = check(&fixed);
    assert!(
        findings_of(&doc, "not-informed").is_empty()
            && findings_of(&doc, "not-consulted").is_empty()
    );
}

#[test]
fn outsourced_accountability_fires_for_contractors_and_agencies() {
    let text = CLEAN_SMALL_TEAM.replace(
        "roles = [\"ecommerce-manager\"]",
        "roles = [\"ecommerce-manager\"]\nengagement = \"agency\"",
    );
    let f = assert_fires(&text, "outsourced-accountability", 7);
    assert_eq!(f["person"], "maya");
}

#[test]
fn rules_table_sets_levels_and_the_command_line_wins() {
    let text = CLEAN_SMALL_TEAM.replace(
        "roles = [\"web-developer\"]",
        "roles = [\"web-developer\", \"qa-tester\"]",
    );
    let allowed = format!("{text}\n[rules]\nconflicting-roles = \"allow\"\n");
    let s = Scratch::new();
    let path = s.write("team.toml", &allowed);
    let (code, doc) = check_json(&[&path], &[]);
    assert_eq!((code, rules(&doc)), (0, vec![]));
    let (code, doc) = check_json(&[&path], &["--deny", "conflicting-roles"]);
    assert_eq!(code, 1);
    assert_eq!(findings_of(&doc, "conflicting-roles")[0]["level"], "error");
}

#[test]
fn unknown_rule_in_the_file_suggests_a_name() {
    let (code, doc) = check(&format!(
        "{CLEAN_SMALL_TEAM}\n[rules]\noverloded = \"allow\"\n"
    ));
    assert_eq!(code, 2);
    let f = findings_of(&doc, "parse-error");
    assert!(
        f[0]["help"]
            .as_str()
            .unwrap_or_default()
            .contains("`overloaded`")
    );
}

#[test]
fn strongest_letters_win() {
    use teamplan::resolve::Letters;
    let mut l = Letters::NONE;
    l.add(Letters::I);
    l.add(Letters::C);
    assert_eq!(l.compact(), "C");
    l.add(Letters::R);
    l.add(Letters::A);
    assert_eq!(l.compact(), "AR");
    assert_eq!(l.to_string(), "A/R");
    l.add(Letters::I);
    assert_eq!(l.compact(), "AR");
}

#[test]
fn a_team_name_among_roles_is_said_and_counts_only_when_it_is_one_role() {
    // `customer-service-team` is one role: Sam still holds it, and is told its id.
    let text = CLEAN_SMALL_TEAM.replace(
        "roles = [\"customer-service-representative\"]",
        "roles = [\"customer-service-team\"]",
    );
    let f = assert_fires(&text, "team-as-role", 19);
    assert_eq!(f["level"], "warning");
    assert!(
        f["help"]
            .as_str()
            .unwrap_or_default()
            .contains("\"customer-service-representative\"")
    );
    let (_, doc) = check(&text);
    assert_eq!(
        rules(&doc),
        vec!["team-as-role"],
        "no gap: the one role is held"
    );
    // `it-team` is developers and testers: Tom holds none of them, and the help lists them.
    let text = CLEAN_SMALL_TEAM.replace("roles = [\"web-developer\"]", "roles = [\"it-team\"]");
    let f = assert_fires(&text, "team-as-role", 11);
    let help = f["help"].as_str().unwrap_or_default();
    assert!(
        help.contains("web-developer") && help.contains("qa-tester"),
        "{help}"
    );
    let (_, doc) = check(&text);
    assert!(rules(&doc).contains(&"missing-role".to_owned()), "{doc}");
    assert!(!rules(&doc).contains(&"unknown-role".to_owned()), "{doc}");
}

#[test]
fn a_lead_is_checked_as_a_role_name() {
    let person = |roles: &str, leads: &str| {
        with(&format!(
            "\n[people.liz]\nname = \"Liz\"\nroles = [{roles}]\nleads = [{leads}]\n"
        ))
    };
    // A misspelt lead: said with the closest role.
    let f = assert_fires(
        &person("\"graphic-designer\"", "\"graphic-desginer\""),
        "lead-not-held",
        24,
    );
    assert!(
        f["help"]
            .as_str()
            .unwrap_or_default()
            .contains("`graphic-designer`"),
        "{f}"
    );
    // A misspelt role: the lead that follows from it is not said again.
    let (_, doc) = check(&person("\"graphic-desginer\"", "\"graphic-designer\""));
    assert_eq!(findings_of(&doc, "unknown-role").len(), 1, "{doc}");
    assert!(findings_of(&doc, "lead-not-held").is_empty(), "{doc}");
    // A team name of one role leads that role.
    let (_, doc) = check(&person("\"content-team\"", "\"content-team\""));
    assert!(findings_of(&doc, "lead-not-held").is_empty(), "{doc}");
    // One already held: the help says to drop the team name.
    let f = assert_fires(
        &person(
            "\"customer-service-representative\", \"customer-service-team\"",
            "",
        ),
        "team-as-role",
        23,
    );
    assert!(
        f["help"]
            .as_str()
            .unwrap_or_default()
            .starts_with("remove \"customer-service-team\""),
        "{f}"
    );
}

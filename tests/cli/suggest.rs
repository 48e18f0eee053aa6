//! `teamplan suggest`: who could take each gap, answered together, and new positions.

use serde_json::Value;

use crate::support::{Scratch, check_json, rules, run};

fn suggest_json(path: &std::path::Path) -> Value {
    let (code, out, err) = run(&[
        "suggest",
        path.to_str().unwrap_or_default(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("json")
}

/// Two required roles missing: Sam has the most room (35 A/R to spare), Kim less (27), Maya
/// little. The marketer's role takes 25, the developer's 13: Sam can take one, not both.
const JOINT: &str = r#"[team]
name = "Joint"
catalog = "small-team"

[people.maya]
name = "Maya"
roles = ["ecommerce-manager"]

[people.sam]
name = "Sam"
roles = ["customer-service-representative"]
fte = 0.85

[people.kim]
name = "Kim"
roles = ["customer-service-representative"]
leads = ["customer-service-representative"]
fte = 0.7
"#;

fn taker(doc: &Value, role: &str) -> String {
    doc["teams"][0]["gaps"]
        .as_array()
        .expect("gaps")
        .iter()
        .find(|g| g["role"] == role)
        .and_then(|g| g["suggestion"]["person"].as_str())
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn gaps_are_answered_together_where_the_best_single_answers_would_overload_one_person() {
    let s = Scratch::new();
    let path = s.write("team.toml", JOINT);
    let doc = suggest_json(&path);
    // Alone, each gap would go to Sam, who has the most room ...
    let only_web = s.write(
        "web.toml",
        &format!("{JOINT}\n[people.dee]\nroles = [\"digital-marketing-specialist\"]\n"),
    );
    assert_eq!(taker(&suggest_json(&only_web), "web-developer"), "sam");
    assert_eq!(taker(&doc, "digital-marketing-specialist"), "sam");
    // ... but Sam with both is overloaded: together, Kim takes the second.
    let both = s.write(
        "both.toml",
        &JOINT.replace(
            "roles = [\"customer-service-representative\"]\nfte = 0.85",
            "roles = [\"customer-service-representative\", \"digital-marketing-specialist\", \"web-developer\"]\nfte = 0.85",
        ),
    );
    let (_, check) = check_json(&[&both], &[]);
    assert_eq!(rules(&check), ["overloaded"], "{check:#}");
    assert_eq!(taker(&doc, "web-developer"), "kim");
    // Applying the answers leaves the team clean.
    let applied = s.write(
        "applied.toml",
        &JOINT
            .replace("roles = [\"customer-service-representative\"]\nfte = 0.85", "roles = [\"customer-service-representative\", \"digital-marketing-specialist\"]\nfte = 0.85")
            .replace("roles = [\"customer-service-representative\"]\nleads", "roles = [\"customer-service-representative\", \"web-developer\"]\nleads"),
    );
    let (code, check) = check_json(&[&applied], &[]);
    assert_eq!((code, rules(&check)), (0, vec![]), "{check:#}");
}

#[test]
fn ids_come_from_the_change_not_its_place() {
    let s = Scratch::new();
    let a = suggest_json(&s.write("a.toml", JOINT));
    // The same team with its people in another order.
    let reordered = JOINT.replace(
        "[people.maya]\nname = \"Maya\"\nroles = [\"ecommerce-manager\"]\n\n",
        "",
    ) + "\n[people.maya]\nname = \"Maya\"\nroles = [\"ecommerce-manager\"]\n";
    let b = suggest_json(&s.write("b.toml", &reordered));
    let ids = |doc: &Value| -> Vec<String> {
        let mut v: Vec<String> = doc["teams"][0]["gaps"]
            .as_array()
            .expect("gaps")
            .iter()
            .filter_map(|g| g["suggestion"]["id"].as_str().map(str::to_owned))
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids(&a).len(), 2);
    assert_eq!(ids(&a), ids(&b));
}

#[test]
fn when_nobody_can_take_the_roles_the_fewest_positions_cover_them() {
    let s = Scratch::new();
    let path = s.write(
        "team.toml",
        "[team]\nname = \"Packed\"\ncatalog = \"b2b\"\n\n[people.a]\nroles = [\"ecommerce-manager\", \"marketing-manager\", \"sales-representative\"]\n\n[people.b]\nroles = [\"customer-service-representative\", \"crm-manager\", \"content-creator\"]\n",
    );
    let doc = suggest_json(&path);
    let team = &doc["teams"][0];
    assert_eq!(team["positions_search"], "exact");
    let positions = team["positions"].as_array().expect("positions");
    assert_eq!(positions.len(), 1, "{team:#}");
    let mut roles: Vec<&str> = positions[0]["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    roles.sort_unstable();
    assert_eq!(
        roles,
        [
            "digital-marketing-specialist",
            "product-manager",
            "web-developer"
        ]
    );
    // Conflicting roles are never one position: the developer does not test their own work.
    let path = s.write(
        "qa.toml",
        "[team]\nname = \"Qa\"\ncatalog = \"b2b\"\n\n[people.a]\nroles = [\"ecommerce-manager\", \"marketing-manager\", \"sales-representative\"]\n\n[people.b]\nroles = [\"customer-service-representative\", \"crm-manager\", \"content-creator\"]\n\n[people.c]\nroles = [\"digital-marketing-specialist\", \"product-manager\", \"analytics-specialist\"]\n",
    );
    let doc = suggest_json(&path);
    for p in doc["teams"][0]["positions"].as_array().expect("positions") {
        let roles: Vec<&str> = p["roles"]
            .as_array()
            .expect("roles")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(
            !(roles.contains(&"web-developer") && roles.contains(&"qa-tester")),
            "{p:#}"
        );
    }
}

#[test]
fn every_format_names_the_same_answers_and_a_clean_team_has_none() {
    let s = Scratch::new();
    let path = s.write("team.toml", JOINT);
    let p = path.to_str().unwrap_or_default();
    let doc = suggest_json(&path);
    let id = doc["teams"][0]["gaps"][0]["suggestion"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let (_, human, _) = run(&["suggest", p]);
    assert!(
        human.contains(&id) && human.contains("give `digital-marketing-specialist` to Sam (`sam`)"),
        "{human}"
    );
    let (_, md, _) = run(&["suggest", p, "--format", "markdown"]);
    assert!(md.contains(&format!("| {id} |")), "{md}");
    let (code, out, _) = run(&["suggest", "examples/pine-and-pixel-small-team.toml"]);
    assert_eq!(code, 0);
    assert!(out.contains("no gap to fill"), "{out}");
}

fn first_id(doc: &Value) -> String {
    doc["teams"][0]["gaps"][0]["suggestion"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn apply_writes_one_suggestion_keeping_comments_and_the_check_improves() {
    let s = Scratch::new();
    let text = JOINT.replace(
        "roles = [\"ecommerce-manager\"]",
        "roles = [\"ecommerce-manager\"]  # the boss",
    );
    let path = s.write("team.toml", &text);
    let p = path.to_str().unwrap_or_default().to_owned();
    let id = first_id(&suggest_json(&path));
    let (_, before) = check_json(&[&path], &[]);
    // A dry run prints the diff and writes nothing.
    let (code, diff, _) = run(&["suggest", &p, "--apply", &id, "--dry-run"]);
    assert_eq!(code, 0);
    assert!(
        diff.contains(
            "+roles = [\"customer-service-representative\", \"digital-marketing-specialist\"]"
        ),
        "{diff}"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
    // Applied: the role is written, the comment kept, and the new check printed.
    let (code, out, err) = run(&["suggest", &p, "--apply", &id]);
    assert_eq!(code, 1, "one gap is left: {out}");
    assert!(err.contains(&format!("applied {id}")), "{err}");
    assert!(out.contains("1 error"), "{out}");
    let now = std::fs::read_to_string(&path).expect("read");
    assert!(now.contains("# the boss"), "{now}");
    let (_, after) = check_json(&[&path], &[]);
    assert!(
        after["findings"].as_array().map(Vec::len) < before["findings"].as_array().map(Vec::len),
        "{after:#}"
    );
    // Made: its id is gone.
    let (code, _, err) = run(&["suggest", &p, "--apply", &id]);
    assert_eq!(code, 2);
    assert!(err.contains("no suggestion has the id"), "{err}");
    // The second suggestion applied leaves the team clean.
    let id = first_id(&suggest_json(&path));
    let (code, out, _) = run(&["suggest", &p, "--apply", &id]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("no findings"), "{out}");
}

#[test]
fn apply_opens_a_position_as_a_planned_hire() {
    let s = Scratch::new();
    let path = s.write(
        "team.toml",
        "[team]\nname = \"Packed\"\ncatalog = \"b2b\"\n\n[people.a]\nroles = [\"ecommerce-manager\", \"marketing-manager\", \"sales-representative\"]\n\n[people.b]\nroles = [\"customer-service-representative\", \"crm-manager\", \"content-creator\"]\n",
    );
    let doc = suggest_json(&path);
    let id = doc["teams"][0]["positions"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let (_, before) = check_json(&[&path], &[]);
    let p = path.to_str().unwrap_or_default();
    let (_, _, err) = run(&["suggest", p, "--apply", &id]);
    assert!(err.contains(&format!("applied {id}")), "{err}");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(
        text.contains("[people.hire-")
            && text.contains("status = \"open\"")
            && text.contains("start = 2026-07-01"),
        "{text}"
    );
    let (_, after) = check_json(&[&path], &[]);
    let errors = |d: &Value| d["summary"]["errors"].as_u64().unwrap_or(0);
    assert!(errors(&after) < errors(&before), "{after:#}");
    assert!(
        rules(&after).contains(&"planned-hire".to_owned()),
        "{after:#}"
    );
}

#[test]
fn a_misspelt_role_or_an_overdue_position_is_the_answer_not_a_new_holder() {
    let (code, out, _) = run(&["suggest", "examples/broken.toml", "--format", "json"]);
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_str(&out).expect("json");
    let gap = doc["teams"][0]["gaps"]
        .as_array()
        .expect("gaps")
        .iter()
        .find(|g| g["role"] == "ecommerce-manager")
        .cloned()
        .unwrap_or_default();
    assert_eq!(gap["suggestion"], Value::Null, "{gap:#}");
    assert!(
        gap["instead"]
            .as_str()
            .unwrap_or_default()
            .contains("`teamplan check --fix` makes it `ecommerce-manager`"),
        "{gap:#}"
    );
    let (_, out, _) = run(&["suggest", "examples/plan", "--at", "2027-06-20"]);
    assert!(out.contains("fill the open position `hire-web`"), "{out}");
    assert!(
        !out.contains("New positions"),
        "an overdue position is not opened again: {out}"
    );
}

#[test]
fn apply_keeps_crlf_and_writes_a_lead_where_the_role_is_held() {
    let s = Scratch::new();
    let path = s.write("team.toml", &JOINT.replace('\n', "\r\n"));
    let p = path.to_str().unwrap_or_default().to_owned();
    let id = first_id(&suggest_json(&path));
    let (_, _, err) = run(&["suggest", &p, "--apply", &id]);
    assert!(err.contains("applied"), "{err}");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line still ends in CRLF"
    );
    // In an org, Piret is in two units and holds the role without a lead in one of them.
    let s = Scratch::new();
    std::fs::create_dir_all(s.path().join(".git")).expect("mkdir");
    s.write(
        "org.toml",
        "[org]\nname = \"O\"\ncatalog = \"small-team\"\n",
    );
    s.write("a.toml", "[team]\nname = \"A\"\n\n[people.maya]\nroles = [\"ecommerce-manager\"]\n\n[people.dev]\nroles = [\"web-developer\"]\n\n[people.piret]\nroles = [\"customer-service-representative\"]\nfte = 0.5\n");
    let b = s.write("b.toml", "[team]\nname = \"B\"\n\n[people.piret]\nroles = [\"digital-marketing-specialist\"]\nfte = 0.5\n\n[people.ott]\nroles = [\"customer-service-representative\"]\nfte = 0.3\n");
    let (code, doc) = check_json(&[s.path()], &[]);
    assert_eq!(code, 1, "{doc:#}");
    let doc = suggest_json(s.path());
    let gap = &doc["teams"][0]["gaps"][0];
    assert_eq!(gap["rule"], "no-lead", "{doc:#}");
    let id = gap["suggestion"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let who = gap["suggestion"]["person"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let (_, _, err) = run(&[
        "suggest",
        s.path().to_str().unwrap_or_default(),
        "--apply",
        &id,
    ]);
    assert!(err.contains("applied"), "{err}");
    let (code, doc) = check_json(&[s.path()], &[]);
    assert_eq!((code, rules(&doc)), (0, vec![]), "{doc:#}");
    // Piret has the room; her lead is written in A, where she holds the role, not in B.
    assert_eq!(who, "piret");
    let unit_a = std::fs::read_to_string(s.path().join("a.toml")).expect("read");
    assert!(
        unit_a.contains("leads = [\"customer-service-representative\"]"),
        "{unit_a}"
    );
    assert!(!std::fs::read_to_string(&b).expect("read").contains("leads"));
}

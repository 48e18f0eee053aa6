//! Orgs made of units: an `[org]` file and the team files in its folder, checked as one org.

use crate::support::{Scratch, check_json, findings_of, rules, run};

const ORG: &str = "[org]\nname = \"Pine\"\ncatalog = \"small-team\"\n";

/// A clean small-team org in three units, inside a repository (`.git`): the org is found
/// from any path in it.
fn clean_org() -> Scratch {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path().join(".git")).expect("mkdir");
    s.write("org/org.toml", ORG);
    s.write(
        "org/lead.toml",
        "[team]\nname = \"Leadership\"\n\n[people.maya]\nname = \"Maya\"\nroles = [\"ecommerce-manager\"]\n",
    );
    s.write(
        "org/shop/web.toml",
        "[team]\nname = \"Web\"\n\n[people.tom]\nname = \"Tom\"\nroles = [\"web-developer\"]\nfte = 0.5\n\n[people.ines]\nname = \"Ines\"\nroles = [\"digital-marketing-specialist\"]\n",
    );
    s.write(
        "org/support.toml",
        "[team]\nname = \"Support\"\n\n[people.sam]\nname = \"Sam\"\nroles = [\"customer-service-representative\"]\nleads = [\"customer-service-representative\"]\n\n[people.ana]\nname = \"Ana\"\nroles = [\"customer-service-representative\"]\n",
    );
    s
}

#[test]
fn an_org_split_into_units_checks_clean_as_one_team() {
    let s = clean_org();
    let (code, doc) = check_json(&[&s.path().join("org")], &[]);
    assert_eq!(rules(&doc), Vec::<String>::new(), "{doc:#}");
    assert_eq!(code, 0);
    assert_eq!(
        doc["summary"],
        serde_json::json!({"errors": 0, "warnings": 0, "teams": 3, "orgs": 1, "people": 5})
    );
    let org = &doc["teams"][0];
    assert_eq!(org["name"], "Pine");
    let units: Vec<&str> = org["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["name"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        units,
        ["Leadership", "Web", "Support"],
        "in path order: lead, shop/web, support"
    );
}

#[test]
fn each_unit_alone_is_not_a_team_with_gaps() {
    let s = clean_org();
    for unit in ["org/lead.toml", "org/shop/web.toml", "org/support.toml"] {
        let (code, doc) = check_json(&[&s.path().join(unit)], &[]);
        assert_eq!((code, rules(&doc)), (0, vec![]), "{unit}: {doc:#}");
    }
}

#[test]
fn a_path_inside_an_org_reports_its_own_findings_and_the_orgs_not_other_units() {
    let s = clean_org();
    // A misspelt role in one unit, and Maya gone: the org lacks its eCommerce manager.
    s.write(
        "org/shop/web.toml",
        "[team]\nname = \"Web\"\n\n[people.tom]\nname = \"Tom\"\nroles = [\"web-develper\"]\n\n[people.ines]\nname = \"Ines\"\nroles = [\"digital-marketing-specialist\"]\n",
    );
    s.write("org/lead.toml", "[team]\nname = \"Leadership\"\n");
    let (_, doc) = check_json(&[&s.path().join("org/support.toml")], &[]);
    let got = rules(&doc);
    assert!(!got.contains(&"unknown-role".to_owned()), "{got:?}");
    let missing = findings_of(&doc, "missing-role");
    let roles: Vec<&str> = missing
        .iter()
        .map(|f| f["role"].as_str().unwrap_or_default())
        .collect();
    assert!(roles.contains(&"ecommerce-manager"), "{doc:#}");
    assert!(
        missing
            .iter()
            .all(|f| f["file"].as_str().unwrap_or_default().ends_with("org.toml")),
        "a missing role is the org's, at the [org] table: {missing:#?}"
    );
    let (_, doc) = check_json(&[&s.path().join("org/shop/web.toml")], &[]);
    let unknown = findings_of(&doc, "unknown-role");
    assert_eq!(unknown.len(), 1, "{doc:#}");
    assert_eq!(unknown[0]["team"], "Pine");
    assert_eq!(unknown[0]["unit"], "Web");
}

#[test]
fn one_person_in_two_units_sums_fte_and_must_be_written_alike() {
    let s = clean_org();
    s.write(
        "org/lead.toml",
        "[team]\nname = \"Leadership\"\n\n[people.maya]\nname = \"Maya\"\nroles = [\"ecommerce-manager\"]\n\n[people.tom]\nname = \"Tom Weber\"\nroles = [\"web-developer\"]\nfte = 0.8\n",
    );
    s.write(
        "org/shop/web.toml",
        "[team]\nname = \"Web\"\n\n[people.tom]\nname = \"Tom\"\nroles = [\"web-developer\"]\nfte = 0.8\n\n[people.ines]\nname = \"Ines\"\nroles = [\"digital-marketing-specialist\"]\n",
    );
    let (code, doc) = check_json(&[&s.path().join("org")], &[]);
    assert_eq!(code, 1);
    assert_eq!(
        rules(&doc),
        ["over-allocated", "inconsistent-person"],
        "{doc:#}"
    );
    assert_eq!(doc["summary"]["people"], 5);
    // The same from one unit's file: a finding between units is the org's.
    let (_, doc) = check_json(&[&s.path().join("org/support.toml")], &[]);
    assert_eq!(rules(&doc), ["over-allocated", "inconsistent-person"]);
}

#[test]
fn several_holders_across_units_need_one_lead_in_the_org() {
    let s = clean_org();
    s.write(
        "org/lead.toml",
        "[team]\nname = \"Leadership\"\n\n[people.maya]\nname = \"Maya\"\nroles = [\"ecommerce-manager\", \"customer-service-representative\"]\nleads = [\"customer-service-representative\"]\n",
    );
    let (_, doc) = check_json(&[&s.path().join("org")], &[]);
    let second = findings_of(&doc, "multiple-leads");
    assert_eq!(second.len(), 1, "{doc:#}");
    assert_eq!(second[0]["unit"], "Support");
}

#[test]
fn two_org_files_in_one_folder_are_unreadable() {
    let s = clean_org();
    s.write(
        "org/other.toml",
        "[org]\nname = \"Other\"\ncatalog = \"b2b\"\n",
    );
    let (code, doc) = check_json(&[&s.path().join("org")], &[]);
    assert_eq!(code, 2, "{doc:#}");
    let parse = findings_of(&doc, "parse-error");
    assert!(
        parse.iter().any(|f| f["message"]
            .as_str()
            .unwrap_or_default()
            .contains("both declare an [org]")),
        "{doc:#}"
    );
    // The second is not also checked as an org of no units: the problem is said once.
    assert_eq!(rules(&doc), ["parse-error"], "{doc:#}");
    assert_eq!(doc["summary"]["orgs"], 1, "{doc:#}");
    // Found from a unit below, too.
    let (code, _) = check_json(&[&s.path().join("org/shop/web.toml")], &[]);
    assert_eq!(code, 2);
}

#[test]
fn an_org_file_holds_no_people_and_a_team_outside_an_org_names_its_catalog() {
    let s = Scratch::new();
    s.write(
        "a/org.toml",
        &format!("{ORG}\n[people.maya]\nroles = [\"ecommerce-manager\"]\n"),
    );
    let (code, doc) = check_json(&[&s.path().join("a")], &[]);
    assert_eq!(code, 2);
    assert!(
        doc["findings"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("no people of its own")
    );
    s.write("b/team.toml", "[team]\nname = \"Loose\"\n");
    let (code, doc) = check_json(&[&s.path().join("b/team.toml")], &[]);
    assert_eq!(code, 2);
    assert_eq!(
        doc["findings"][0]["message"],
        "the [team] table has no `catalog`"
    );
}

#[test]
fn a_unit_naming_the_orgs_catalog_is_simply_part_of_it() {
    let s = clean_org();
    s.write(
        "org/lead.toml",
        "[team]\nname = \"Leadership\"\ncatalog = \"small-team\"\n\n[people.maya]\nname = \"Maya\"\nroles = [\"ecommerce-manager\"]\n",
    );
    let (code, doc) = check_json(&[&s.path().join("org")], &[]);
    assert_eq!((code, rules(&doc)), (0, vec![]), "{doc:#}");
}

#[test]
fn a_department_unit_is_checked_for_its_departments_roles_inside_the_unit() {
    let s = Scratch::new();
    s.write("org/org.toml", "[org]\nname = \"N\"\ncatalog = \"b2b\"\n");
    // The marketing department has a digital marketer but no marketing manager; the org's
    // marketing manager sits in another unit.
    s.write(
        "org/marketing.toml",
        "[team]\nname = \"Marketing\"\ncatalog = \"marketing-team\"\n\n[people.ines]\nroles = [\"digital-marketing-specialist\"]\n",
    );
    s.write(
        "org/lead.toml",
        "[team]\nname = \"Leadership\"\n\n[people.maya]\nroles = [\"ecommerce-manager\", \"marketing-manager\"]\n",
    );
    let (_, doc) = check_json(&[&s.path().join("org")], &[]);
    let in_unit: Vec<&str> = findings_of(&doc, "missing-role")
        .into_iter()
        .filter(|f| f["unit"] == "Marketing")
        .map(|f| f["role"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(in_unit, ["marketing-manager"], "{doc:#}");
    let f = findings_of(&doc, "missing-role")
        .into_iter()
        .find(|f| f["unit"] == "Marketing")
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(1), Some(1))
    );
    assert!(
        f["message"]
            .as_str()
            .unwrap_or_default()
            .contains("other units have maya"),
        "{f:#}"
    );
}

#[test]
fn two_units_overriding_one_activity_is_an_error_at_the_second() {
    let s = clean_org();
    let over = "\n[raci.process-returns]\naccountable = \"maya\"\n";
    for unit in ["org/lead.toml", "org/support.toml"] {
        let text = std::fs::read_to_string(s.path().join(unit)).expect("read");
        s.write(unit, &format!("{text}{over}"));
    }
    let (code, doc) = check_json(&[&s.path().join("org")], &[]);
    let dup = findings_of(&doc, "duplicate-override");
    assert_eq!(dup.len(), 1, "{doc:#}");
    assert_eq!(dup[0]["unit"], "Support");
    assert!(
        dup[0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("lead.toml")
    );
    assert_eq!(code, 1);
}

#[test]
fn rule_levels_go_command_line_then_unit_then_org() {
    let s = clean_org();
    // Tom holds two conflicting hats in Web; Sam has none in Support.
    s.write(
        "org/shop/web.toml",
        "[team]\nname = \"Web\"\n\n[people.tom]\nname = \"Tom\"\nroles = [\"web-developer\", \"qa-tester\"]\n\n[people.ines]\nname = \"Ines\"\nroles = [\"digital-marketing-specialist\"]\n\n[rules]\nconflicting-roles = \"deny\"\n",
    );
    s.write(
        "org/org.toml",
        &format!("{ORG}\n[rules]\nconflicting-roles = \"allow\"\n"),
    );
    let (_, doc) = check_json(&[&s.path().join("org")], &[]);
    let f = findings_of(&doc, "conflicting-roles");
    assert_eq!(f.len(), 1, "the unit's level wins over the org's: {doc:#}");
    assert_eq!(f[0]["level"], "error");
    let (_, doc) = check_json(&[&s.path().join("org")], &["--warn", "conflicting-roles"]);
    assert_eq!(
        findings_of(&doc, "conflicting-roles")[0]["level"],
        "warning"
    );
    // The org's level holds in a unit that sets none.
    s.write(
        "org/shop/web.toml",
        "[team]\nname = \"Web\"\n\n[people.tom]\nname = \"Tom\"\nroles = [\"web-developer\", \"qa-tester\"]\n\n[people.ines]\nname = \"Ines\"\nroles = [\"digital-marketing-specialist\"]\n",
    );
    let (_, doc) = check_json(&[&s.path().join("org")], &[]);
    assert!(findings_of(&doc, "conflicting-roles").is_empty(), "{doc:#}");
}

#[test]
fn the_orgs_limits_replace_the_catalogs() {
    let s = clean_org();
    s.write(
        "org/org.toml",
        &format!("{ORG}\n[limits]\nra-per-fte = 2\n"),
    );
    let (_, doc) = check_json(&[&s.path().join("org")], &[]);
    assert!(!findings_of(&doc, "overloaded").is_empty(), "{doc:#}");
    s.write(
        "org/org.toml",
        &format!("{ORG}\n[limits]\nra-per-fte = 0\n"),
    );
    let (code, _) = check_json(&[&s.path().join("org")], &[]);
    assert_eq!(code, 2);
}

#[test]
fn raci_of_an_org_groups_people_by_unit() {
    let s = clean_org();
    let org = s.path().join("org");
    let (code, out, err) = run(&["raci", org.to_str().unwrap_or_default(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(doc["team"], "Pine");
    assert_eq!(
        doc["units"],
        serde_json::json!({"Leadership": ["maya"], "Web": ["tom", "ines"], "Support": ["sam", "ana"]})
    );
    // From a unit's file: the same org matrix.
    let unit = s.path().join("org/support.toml");
    let (_, from_unit, _) = run(&[
        "raci",
        unit.to_str().unwrap_or_default(),
        "--format",
        "json",
    ]);
    assert_eq!(from_unit, out);
    // A person in two units is listed under both.
    let support = std::fs::read_to_string(s.path().join("org/support.toml")).expect("read");
    s.write(
        "org/support.toml",
        &format!(
            "{support}\n[people.tom]\nname = \"Tom\"\nroles = [\"web-developer\"]\nfte = 0.5\n"
        ),
    );
    let (_, shared, _) = run(&["raci", org.to_str().unwrap_or_default(), "--format", "json"]);
    let shared: serde_json::Value = serde_json::from_str(&shared).expect("json");
    assert_eq!(shared["units"]["Web"], serde_json::json!(["tom", "ines"]));
    assert_eq!(
        shared["units"]["Support"],
        serde_json::json!(["tom", "sam", "ana"])
    );
    s.write("org/support.toml", &support);
    // The lead takes the A of a role several people hold.
    let row = doc["rows"]
        .as_array()
        .and_then(|rows| {
            rows.iter()
                .find(|r| r["activity"] == "answer-customer-questions")
        })
        .cloned()
        .unwrap_or_default();
    assert!(
        row["cells"]["sam"]
            .as_str()
            .unwrap_or_default()
            .contains('A'),
        "{row:#}"
    );
    assert!(
        !row["cells"]["ana"]
            .as_str()
            .unwrap_or_default()
            .contains('A'),
        "{row:#}"
    );
}

#[test]
fn fix_mends_a_misspelt_role_in_a_unit() {
    let s = clean_org();
    s.write(
        "org/support.toml",
        "[team]\nname = \"Support\"\n\n[people.sam]\nname = \"Sam\"\nroles = [\"customer-service-representatve\"]\n",
    );
    let unit = s.path().join("org/support.toml");
    let (code, _, err) = run(&["check", "--fix", unit.to_str().unwrap_or_default()]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&unit).expect("read");
    assert!(
        text.contains("roles = [\"customer-service-representative\"]"),
        "{text}"
    );
}

#[test]
fn diff_of_an_org_says_who_now_leads_a_role() {
    let old = clean_org();
    let new = clean_org();
    new.write(
        "org/support.toml",
        "[team]\nname = \"Support\"\n\n[people.sam]\nname = \"Sam\"\nroles = [\"customer-service-representative\"]\n\n[people.ana]\nname = \"Ana\"\nroles = [\"customer-service-representative\"]\nleads = [\"customer-service-representative\"]\n",
    );
    let (a, b) = (old.path().join("org"), new.path().join("org"));
    let (code, out, err) = run(&[
        "diff",
        a.to_str().unwrap_or_default(),
        b.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("sam: leads -customer-service-representative"),
        "{out}"
    );
    assert!(
        out.contains("ana: leads +customer-service-representative"),
        "{out}"
    );
    assert!(
        out.contains("answer-customer-questions: ana R → A/R, sam A/R → R"),
        "{out}"
    );
}

#[test]
fn report_of_an_org_lists_its_units_and_places_their_findings() {
    let s = clean_org();
    s.write(
        "org/shop/web.toml",
        "[team]\nname = \"Web\"\n\n[people.tom]\nname = \"Tom\"\nroles = [\"web-developer\", \"qa-tester\"]\n\n[people.ines]\nname = \"Ines\"\nroles = [\"digital-marketing-specialist\"]\n",
    );
    let page = s.path().join("report.html");
    let org = s.path().join("org");
    let (code, _, err) = run(&[
        "report",
        org.to_str().unwrap_or_default(),
        "--output",
        page.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&page).expect("read");
    assert!(html.contains("<h3>Units</h3>"), "{html}");
    assert!(html.contains("<li>Web <code>"), "{html}");
    assert!(html.contains("conflicting-roles"), "{html}");
    assert!(!html.contains("could not be checked"), "{html}");
}

#[test]
fn it_and_warehouse_units_are_checked_for_their_departments() {
    let s = Scratch::new();
    s.write("org/org.toml", "[org]\nname = \"N\"\ncatalog = \"b2b\"\n");
    s.write(
        "org/lead.toml",
        "[team]\nname = \"Leadership\"\n\n[people.maya]\nroles = [\"ecommerce-manager\", \"product-manager\"]\n\n[people.ines]\nroles = [\"digital-marketing-specialist\", \"content-creator\"]\n\n[people.sam]\nroles = [\"customer-service-representative\", \"sales-representative\"]\n\n[people.ali]\nroles = [\"analytics-specialist\"]\n",
    );
    s.write(
        "org/it.toml",
        "[team]\nname = \"IT\"\ncatalog = \"it-team\"\n\n[people.tom]\nroles = [\"web-developer\"]\n\n[people.una]\nroles = [\"qa-tester\"]\n",
    );
    s.write(
        "org/warehouse.toml",
        "[team]\nname = \"Warehouse\"\ncatalog = \"warehouse-team\"\n\n[people.lou]\nroles = [\"logistics-manager\"]\n\n[people.ivy]\nroles = [\"inventory-manager\"]\n",
    );
    let (code, doc) = check_json(&[&s.path().join("org")], &[]);
    let in_departments = |doc: &serde_json::Value| -> Vec<String> {
        doc["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["unit"] == "IT" || f["unit"] == "Warehouse")
            .map(|f| format!("{}: {}", f["unit"], f["rule"]))
            .collect()
    };
    assert_eq!(code, 0, "{doc:#}");
    assert_eq!(in_departments(&doc), Vec::<String>::new(), "{doc:#}");
    // The tester moves to the warehouse: the org still has one, the IT unit has none.
    s.write(
        "org/it.toml",
        "[team]\nname = \"IT\"\ncatalog = \"it-team\"\n\n[people.tom]\nroles = [\"web-developer\"]\n",
    );
    s.write(
        "org/warehouse.toml",
        "[team]\nname = \"Warehouse\"\ncatalog = \"warehouse-team\"\n\n[people.lou]\nroles = [\"logistics-manager\"]\n\n[people.ivy]\nroles = [\"inventory-manager\"]\n\n[people.una]\nroles = [\"qa-tester\"]\n",
    );
    let (code, doc) = check_json(&[&s.path().join("org")], &[]);
    assert_eq!(code, 1, "{doc:#}");
    let missing: Vec<(&str, &str)> = findings_of(&doc, "missing-role")
        .into_iter()
        .map(|f| {
            (
                f["unit"].as_str().unwrap_or_default(),
                f["role"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(missing, [("IT", "qa-tester")], "{doc:#}");
    assert_eq!(in_departments(&doc), ["\"IT\": \"missing-role\""]);
}

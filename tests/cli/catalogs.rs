//! The built-in catalogs: consistent, faithful to the seed documents, and usable.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::sync::Arc;

use teamplan::catalog::{self, BUILTIN_IDS, Catalog, CatalogStore, Requirement};

use crate::support::{Scratch, check_json};
use teamplan::diag::SourceFile;
use teamplan::resolve::Resolved;
use teamplan::team::{self, LoadOptions, Loaded};

fn builtin(id: &str) -> Arc<Catalog> {
    catalog::builtin(id).unwrap_or_else(|| panic!("no built-in catalog {id}"))
}

#[test]
fn every_builtin_catalog_is_consistent() {
    for id in BUILTIN_IDS {
        let c = builtin(id);
        assert_eq!(c.id, id);
        assert!(
            !c.activities.is_empty() && !c.roles.is_empty(),
            "{id} is empty"
        );
        let mut names = HashSet::new();
        for role in &c.roles {
            assert!(
                names.insert(role.id.clone()),
                "{id}: duplicate id {}",
                role.id
            );
            for alias in &role.aliases {
                assert!(names.insert(alias.clone()), "{id}: duplicate alias {alias}");
            }
        }
        for a in &c.activities {
            assert!(
                names.insert(a.id.clone()),
                "{id}: activity id {} clashes",
                a.id
            );
            // A complete team holds the role, or its work falls up a chain to one it holds.
            let covered = |r: usize| {
                c.roles[r].requirement == Requirement::Required || c.roles[r].reports_to.is_some()
            };
            let acc = &c.roles[a.raci.accountable];
            assert!(
                covered(a.raci.accountable),
                "{id}/{}: accountable {} is not required and reports to no one",
                a.id,
                acc.id
            );
            assert!(
                a.raci
                    .responsible
                    .iter()
                    .any(|&r| r == a.raci.accountable || covered(r)),
                "{id}/{}: no responsible role a complete team covers",
                a.id
            );
        }
    }
}

fn slug(title: &str) -> String {
    title
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[test]
fn every_role_the_seeds_name_is_in_a_catalog() {
    let seed_roles = [
        "Head of Digital",
        "Director of eCommerce",
        "eCommerce Manager",
        "E-commerce manager",
        "Ecommerce SME",
        "Technical SME",
        "Ecommerce Business Analyst",
        "Marketing Manager",
        "Digital Marketing Specialist",
        "Digital Marketer",
        "Paid Advertising Specialist",
        "Customer Relationship Manager",
        "Content Creator",
        "Content Writer",
        "Graphic Designer",
        "Web Designer",
        "Web Developer",
        "Frontend Developer",
        "Backend Developer",
        "Full stack Developer",
        "Tester",
        "Product Manager",
        "Analytics Specialist",
        "Sales Representative",
        "Customer Experience Manager",
        "Customer Service Representative",
        "Logistics Manager",
        "Inventory Manager",
        "Project Manager",
    ];
    let known: HashSet<String> = BUILTIN_IDS
        .iter()
        .flat_map(|id| {
            let c = builtin(id);
            c.roles
                .iter()
                .flat_map(|r| std::iter::once(r.id.clone()).chain(r.aliases.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    for title in seed_roles {
        assert!(
            known.contains(&slug(title)),
            "the seeds name `{title}` but no catalog has `{}`",
            slug(title)
        );
    }
}

#[test]
fn catalogs_differ_as_the_seeds_say() {
    let small = builtin("small-team");
    let required: Vec<&str> = small
        .roles
        .iter()
        .filter(|r| r.requirement == Requirement::Required)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        required.len(),
        4,
        "small-team is the four-person team: {required:?}"
    );
    assert!(small.limits.roles_per_person > builtin("b2b").limits.roles_per_person);
    // B2B: the whitepaper's five essential roles are required, its additional ones
    // recommended.
    let b2b = builtin("b2b");
    let required: Vec<&str> = b2b
        .roles
        .iter()
        .filter(|r| r.requirement == Requirement::Required)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        required,
        [
            "ecommerce-manager",
            "digital-marketing-specialist",
            "web-developer",
            "product-manager",
            "customer-service-representative"
        ]
    );
    for additional in [
        "analytics-specialist",
        "sales-representative",
        "content-creator",
    ] {
        let role = b2b.role(additional).expect("b2b has it");
        assert_eq!(
            b2b.roles[role].requirement,
            Requirement::Recommended,
            "{additional}"
        );
    }
    // No seed calls a warehouse role essential: recommended in d2c too, where owning the
    // fulfilment is the accountability that stays in-house.
    let d2c = builtin("d2c");
    let logistics = d2c.role("logistics-manager").expect("d2c has logistics");
    assert_eq!(d2c.roles[logistics].requirement, Requirement::Recommended);
    let in_house = |c: &Catalog| {
        let ship = c.activity("ship-orders").expect("shipping");
        c.activities[ship].keep_in_house
    };
    assert!(in_house(&d2c), "a D2C brand owns fulfilment");
    assert!(!in_house(&builtin("b2c")));
    // Coordination the seeds insist on is data: in every catalog that plans promotions (the
    // businesses and the marketing department).
    let businesses = ["b2b", "b2c", "d2c", "small-team"];
    for id in BUILTIN_IDS {
        let c = builtin(id);
        let Some(promo) = c.activity("plan-promotions").map(|a| &c.activities[a]) else {
            assert!(
                !businesses.contains(&id) && id != "marketing-team",
                "{id} plans no promotions"
            );
            continue;
        };
        assert!(
            promo
                .must_consult
                .contains(&c.role("inventory-manager").expect("inventory")),
            "{id}"
        );
        assert!(
            promo
                .must_inform
                .contains(&c.role("customer-service").expect("cs")),
            "{id}"
        );
        assert!(
            !businesses.contains(&id) || c.activities.iter().any(|a| a.keep_in_house),
            "{id} keeps nothing in-house"
        );
    }
    for id in BUILTIN_IDS {
        let c = builtin(id);
        let qa = c.role("qa-tester").expect("qa");
        assert!(
            c.roles[qa]
                .conflicts
                .contains(&c.role("web-developer").expect("dev")),
            "{id}"
        );
    }
}

/// A team with one full-time person for every required and recommended role.
fn fully_staffed(c: &Catalog) -> String {
    let mut text = format!("[team]\nname = \"Full {}\"\ncatalog = \"{}\"\n", c.id, c.id);
    for r in c
        .roles
        .iter()
        .filter(|r| r.requirement != Requirement::Optional)
    {
        let _ = write!(text, "\n[people.p-{}]\nroles = [\"{}\"]\n", r.id, r.id);
    }
    text
}

fn check_text(text: &str) -> Vec<teamplan::diag::Finding> {
    let source = Arc::new(SourceFile::new("mem.toml", text.to_owned()));
    let mut store = CatalogStore::default();
    match team::load_source(&source, &mut store, LoadOptions::default()) {
        Ok(Loaded::Team(t)) => teamplan::rules::check_team(&Resolved::new(&t)),
        other => panic!("not a team: {other:?}"),
    }
}

#[test]
fn a_team_staffing_every_required_and_recommended_role_checks_clean() {
    for id in BUILTIN_IDS {
        let c = builtin(id);
        let findings = check_text(&fully_staffed(&c));
        assert!(
            findings.is_empty(),
            "{id}: {:?}",
            findings
                .iter()
                .map(|f| format!("{}: {}", f.rule, f.message))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn an_empty_team_reports_each_missing_required_role_once() {
    for id in BUILTIN_IDS {
        let c = builtin(id);
        let findings = check_text(&format!("[team]\nname = \"Empty\"\ncatalog = \"{id}\"\n"));
        let missing = findings
            .iter()
            .filter(|f| f.rule.name() == "missing-role")
            .count();
        let required = c
            .roles
            .iter()
            .filter(|r| r.requirement == Requirement::Required)
            .count();
        assert_eq!(missing, required, "{id}");
        assert!(
            !findings
                .iter()
                .any(|f| matches!(f.rule.name(), "no-accountable" | "no-responsible")),
            "{id}: a missing role must not also be reported per activity"
        );
    }
}

#[test]
fn toml_export_loads_back_unchanged() {
    for id in BUILTIN_IDS {
        let c = builtin(id);
        let text = catalog::export::to_toml(&c).expect("export");
        let again =
            catalog::load(&Arc::new(SourceFile::new(format!("{id}.toml"), text))).expect("reload");
        assert_eq!(
            catalog::export::to_json(&again),
            catalog::export::to_json(&c),
            "{id}"
        );
    }
}

#[test]
fn an_unheld_roles_work_falls_up_its_reports_to_chain() {
    let s = Scratch::new();
    s.write(
        "shop.toml",
        "extends = \"small-team\"\nid = \"shop\"\n\n\
         [roles.marketplace-specialist]\ntitle = \"Marketplace Specialist\"\nrequirement = \"recommended\"\nreports-to = \"ecommerce-manager\"\n\n\
         [activities.run-marketplace-listings]\ntitle = \"Run the marketplace listings\"\narea = \"merchandising\"\n\
         raci = { accountable = \"marketplace-specialist\", responsible = [\"marketplace-specialist\"] }\n",
    );
    let team = s.write(
        "team.toml",
        &crate::support::CLEAN_SMALL_TEAM
            .replace("catalog = \"small-team\"", "catalog = \"shop.toml\""),
    );
    let (code, doc) = crate::support::check_json(&[&team], &[]);
    assert_eq!(code, 0, "no one is missing an A or an R: {doc}");
    let findings = doc["findings"].as_array().expect("findings");
    let missing: Vec<&str> = findings
        .iter()
        .filter(|f| f["rule"] == "missing-recommended-role")
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert_eq!(
        missing,
        [
            "no one holds the recommended role Marketplace Specialist (`marketplace-specialist`); its work falls to Maya, eCommerce Manager"
        ],
        "{doc}"
    );
    let (_, raci, _) = crate::support::run(&[
        "raci",
        &team.to_string_lossy(),
        "--format",
        "json",
        "--activity",
        "run-marketplace-listings",
    ]);
    let raci: serde_json::Value = serde_json::from_str(&raci).expect("json");
    assert_eq!(raci["rows"][0]["cells"]["maya"], "AR", "{raci}");
}

#[test]
fn reports_to_chains_end_at_a_required_role_without_a_loop() {
    let s = Scratch::new();
    let catalog = s.write(
        "bad.toml",
        "extends = \"small-team\"\nid = \"bad\"\n\n\
         [roles.a]\ntitle = \"A\"\nrequirement = \"optional\"\nreports-to = \"b\"\n\n\
         [roles.b]\ntitle = \"B\"\nrequirement = \"optional\"\nreports-to = \"a\"\n\n\
         [roles.c]\ntitle = \"C\"\nrequirement = \"optional\"\nreports-to = \"d\"\n\n\
         [roles.d]\ntitle = \"D\"\nrequirement = \"optional\"\n\n\
         [roles.e]\ntitle = \"E\"\nrequirement = \"optional\"\nreports-to = \"ecommerce-managr\"\n\n\
         [roles.f]\ntitle = \"F\"\nrequirement = \"optional\"\nreports-to = \"e\"\n",
    );
    let (code, out, _) = crate::support::run(&["catalog", "check", &catalog.to_string_lossy()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("the `reports-to` chain of role `a` loops"),
        "{out}"
    );
    assert!(
        out.contains("the `reports-to` chain of role `c` ends at `d`, which is not required"),
        "{out}"
    );
    assert!(out.contains("did you mean `ecommerce-manager`?"), "{out}");
    assert!(
        out.contains("role `d` is optional, so it needs `reports-to`"),
        "{out}"
    );
    // A misspelt `reports-to` is one problem: not also a missing one, nor a broken chain
    // for the roles reporting through it.
    assert_eq!(out.matches("role `e`").count(), 1, "{out}");
    assert!(!out.contains("role `f`"), "{out}");
    // A loop is one problem, however many roles are on it.
    assert!(!out.contains("chain of role `b` loops"), "{out}");
    assert!(out.contains("4 problems"), "{out}");
}

#[test]
fn a_hundred_thousand_deep_chain_is_checked_and_resolved_in_one_pass() {
    // Each role reports to the next, the last to the eCommerce manager: a walk per role
    // would be quadratic (minutes); one pass is linear. The outcome is what is asserted.
    let s = Scratch::new();
    let n = 100_000;
    let mut text = String::from("extends = \"small-team\"\nid = \"deep\"\n");
    for i in 0..n {
        let next = if i + 1 == n {
            "ecommerce-manager".to_owned()
        } else {
            format!("r{}", i + 1)
        };
        let _ = write!(
            text,
            "[roles.r{i}]\ntitle = \"R\"\nrequirement = \"optional\"\nreports-to = \"{next}\"\n"
        );
    }
    let catalog = s.write("deep.toml", &text);
    assert!(
        text.len() < 10 * 1024 * 1024,
        "under the default size limit"
    );
    let (code, out, err) = crate::support::run(&["catalog", "check", &catalog.to_string_lossy()]);
    assert_eq!(code, 0, "{out}{err}");
    let team = s.write(
        "team.toml",
        "[team]\nname = \"Deep\"\ncatalog = \"deep.toml\"\n\n[people.a]\nroles = [\"ecommerce-manager\", \"web-developer\", \"digital-marketing-specialist\", \"customer-service-representative\"]\n",
    );
    let (code, doc) = check_json(&[&team], &[]);
    assert!(code <= 1, "{doc}");
}

#[test]
fn the_whitepapers_b2b_team_of_eight_checks_without_an_error() {
    // 004: five essential roles and three additional ones, one person each.
    let eight = [
        "ecommerce-manager",
        "web-developer",
        "digital-marketing-specialist",
        "product-manager",
        "customer-service-representative",
        "analytics-specialist",
        "sales-representative",
        "content-creator",
    ];
    let mut text = String::from("[team]\nname = \"Whitepaper\"\ncatalog = \"b2b\"\n");
    for (i, role) in eight.iter().enumerate() {
        let _ = write!(
            text,
            "\n[people.p{i}]\nname = \"P{i}\"\nroles = [\"{role}\"]\n"
        );
    }
    let s = Scratch::new();
    let path = s.write("team.toml", &text);
    let (code, doc) = crate::support::check_json(&[&path], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(doc["summary"]["errors"], 0, "{doc}");
    // Each recommended role it goes without says who carries its work.
    for f in doc["findings"].as_array().expect("findings") {
        if f["rule"] == "missing-recommended-role" {
            let message = f["message"].as_str().expect("message");
            assert!(message.contains("its work falls to P"), "{message}");
        }
    }
}

#[test]
fn small_team_fits_a_small_shop() {
    let small = builtin("small-team");
    for b2b_only in ["optimise-b2b-buying-process", "support-b2b-sales"] {
        assert!(small.activity(b2b_only).is_none(), "{b2b_only}");
    }
    // Many hats, but not all four required roles on one person.
    let s = Scratch::new();
    let solo = s.write(
        "solo.toml",
        "[team]\nname = \"Solo\"\ncatalog = \"small-team\"\n\n[people.solo]\nroles = [\"ecommerce-manager\", \"web-developer\", \"digital-marketing-specialist\", \"customer-service-representative\"]\n",
    );
    let (_, doc) = crate::support::check_json(&[&solo], &[]);
    let rules = crate::support::rules(&doc);
    assert!(rules.iter().any(|r| r == "overloaded"), "{doc}");
}

#[test]
fn a_broken_catalog_beside_its_team_is_reported_once_per_problem() {
    let s = Scratch::new();
    s.write(
        "teams/harbor.toml",
        "extends = \"b2b\"\nid = \"harbor\"\n\n\
         [roles.marketplace-specialist]\ntitle = \"Marketplace Specialist\"\nrequirement = \"optional\"\nreports-to = \"ecommerce-manger\"\n\n\
         [activities.run-marketplace-listings]\ntitle = \"Run listings\"\narea = \"operations\"\n\
         raci = { accountable = \"ecommerce-manager\", responsible = [\"marketplace-specialist\"] }\n",
    );
    s.write(
        "teams/team.toml",
        "[team]\nname = \"Harbor\"\ncatalog = \"harbor.toml\"\n\n[people.a]\nroles = [\"ecommerce-manager\"]\n",
    );
    let (code, doc) = check_json(&[&s.path().join("teams")], &[]);
    assert_eq!(code, 2, "{doc}");
    let messages: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["message"].as_str())
        .collect();
    // The misspelt `reports-to` alone: said once (not again for the team that names the
    // catalog), and not followed by the activity it leaves without a covered role.
    assert_eq!(messages.len(), 1, "{doc}");
    assert!(messages[0].contains("`ecommerce-manger`"), "{doc}");
    assert_eq!(doc["summary"]["errors"], 1, "{doc}");
}

#[test]
fn catalog_check_on_a_team_file_says_so() {
    let (code, out, _) = crate::support::run(&["catalog", "check", "examples/northwind-b2b.toml"]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("this is a team file (it has [team]), not a catalog file"),
        "{out}"
    );
    assert!(out.contains("teamplan check FILE"), "{out}");
    assert!(
        !out.contains("unknown key"),
        "one finding, not the team's keys: {out}"
    );
}

#[test]
fn a_marketing_department_checks_against_its_own_catalog() {
    // The whitepaper's six marketing positions, one person each: clean in `marketing-team`,
    // with the same role ids the business catalogs use.
    let mut text = "[team]\nname = \"Marketing\"\ncatalog = \"marketing-team\"\n".to_owned();
    for role in [
        "marketing-manager",
        "digital-marketing-specialist",
        "content-creator",
        "graphic-designer",
        "crm-manager",
        "paid-advertising-specialist",
    ] {
        let _ = write!(text, "\n[people.{role}-holder]\nroles = [\"{role}\"]\n");
        assert!(
            builtin("b2b").role(role).is_some(),
            "{role} is a b2b role too"
        );
    }
    let findings = check_text(&text);
    assert!(
        findings.is_empty(),
        "{:?}",
        findings.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
    let c = builtin("marketing-team");
    assert!(
        c.activities
            .iter()
            .all(|a| a.area == catalog::Area::Marketing)
    );
    // Without its manager, the department is one missing-role, nothing per activity.
    let headless = text.replace(
        "roles = [\"marketing-manager\"]",
        "roles = [\"content-creator\"]",
    );
    let rules: Vec<&str> = check_text(&headless)
        .iter()
        .map(|f| f.rule.name())
        .collect();
    assert_eq!(
        rules.iter().filter(|r| **r == "missing-role").count(),
        1,
        "{rules:?}"
    );
    assert!(!rules.iter().any(|r| r.starts_with("no-")), "{rules:?}");
}

/// A department of one person per role in `roles`, on catalog `id`.
fn department(id: &str, roles: &[&str]) -> String {
    let mut text = format!("[team]\nname = \"Department\"\ncatalog = \"{id}\"\n");
    for role in roles {
        let _ = write!(text, "\n[people.{role}-holder]\nroles = [\"{role}\"]\n");
    }
    text
}

/// The rules that fire on `text`, by name.
fn rule_names(text: &str) -> Vec<&'static str> {
    check_text(text).iter().map(|f| f.rule.name()).collect()
}

#[test]
fn an_it_department_checks_against_the_adobe_commerce_it_team() {
    // The page's IT team: developers of each kind and the testers.
    let it = department(
        "it-team",
        &[
            "web-developer",
            "frontend-developer",
            "backend-developer",
            "fullstack-developer",
            "qa-tester",
        ],
    );
    assert_eq!(rule_names(&it), Vec::<&str>::new());
    let c = builtin("it-team");
    assert!(
        c.activities
            .iter()
            .all(|a| a.area == catalog::Area::Technology),
        "the IT team's work is the site's technology"
    );
    assert!(c.activity("test-site").is_some() && c.activity("ship-orders").is_none());
    // No tester: one missing-role, and the testing work is not reported again per activity.
    let untested = it.replace("[people.qa-tester-holder]\nroles = [\"qa-tester\"]\n", "");
    let rules = rule_names(&untested);
    assert_eq!(rules, ["missing-role"], "{rules:?}");
    // A marketing role in the IT department is fine, and not required.
    let with_marketer =
        format!("{it}\n[people.ines]\nroles = [\"digital-marketing-specialist\"]\n");
    assert_eq!(rule_names(&with_marketer), Vec::<&str>::new());
}

#[test]
fn a_warehouse_checks_against_the_adobe_commerce_warehouse_team() {
    let warehouse = department(
        "warehouse-team",
        &["logistics-manager", "inventory-manager"],
    );
    assert_eq!(rule_names(&warehouse), Vec::<&str>::new());
    let c = builtin("warehouse-team");
    assert!(
        c.activities
            .iter()
            .all(|a| a.area == catalog::Area::Operations)
    );
    for (gone, kept) in [
        ("logistics-manager", "inventory-manager"),
        ("inventory-manager", "logistics-manager"),
    ] {
        let text = department("warehouse-team", &[kept]);
        let findings = check_text(&text);
        let names: Vec<&str> = findings.iter().map(|f| f.rule.name()).collect();
        assert_eq!(names, ["missing-role"], "without {gone}: {names:?}");
        assert!(
            findings[0].message.contains(gone),
            "{}",
            findings[0].message
        );
    }
}

//! The built-in catalogs against the seed documents they come from: every role, activity and
//! choice has a basis; every quoted passage is in the document it names, under the section it
//! names; every `reports-to` chain ends at a required role.
//!
//! The seeds are read from `../shared/seeds` beside the repository (or `TEAMPLAN_SEEDS`).

use std::path::PathBuf;
use std::sync::Arc;

use teamplan::catalog::basis::{Basis, Choices};
use teamplan::catalog::{self, BUILTIN_IDS, Catalog, Requirement};

/// Each document the catalogs quote, and the seed file it is (by its number).
const SEEDS: [(&str, &str); 5] = [
    ("adobe-commerce-roles", "000"),
    ("essential-ecommerce-roles", "001"),
    ("ecommerce-manager-responsibilities", "002"),
    ("ecommerce-manager-job-role", "003"),
    ("b2b-ecommerce-team", "004"),
];

fn builtin(id: &str) -> Arc<Catalog> {
    catalog::builtin(id).unwrap_or_else(|| panic!("no built-in catalog {id}"))
}

fn seeds_dir() -> PathBuf {
    std::env::var_os("TEAMPLAN_SEEDS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"),
        PathBuf::from,
    )
}

/// Runs of whitespace as one space: a quote may be written on one line.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The seed text of a document, whitespace-normalised.
fn seed(document: &str) -> String {
    let number = SEEDS
        .iter()
        .find(|(id, _)| *id == document)
        .unwrap_or_else(|| panic!("`{document}` is not one of the seed documents"))
        .1;
    let dir = seeds_dir();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "the seed documents are read from {} ({e}); set TEAMPLAN_SEEDS to their folder",
            dir.display()
        )
    });
    let path = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{number}_")))
        })
        .unwrap_or_else(|| panic!("no seed {number}_*.txt in {}", dir.display()));
    normalise(&std::fs::read_to_string(&path).expect("a seed is text"))
}

/// Every basis of a catalog, with what it is the basis of.
fn bases(c: &Catalog) -> Vec<(String, Option<&Basis>)> {
    let mut out = Vec::new();
    for (key, b) in c.limits_why.each() {
        out.push((format!("limits.{key}"), Some(b)));
    }
    for t in &c.teams {
        out.push((format!("team name {}", t.id), t.basis.as_ref()));
    }
    for r in &c.roles {
        out.push((format!("role {}", r.id), r.basis.as_ref()));
        for (key, b) in r.why.each() {
            out.push((format!("role {} why.{key}", r.id), Some(b)));
        }
    }
    for a in &c.activities {
        out.push((format!("activity {}", a.id), a.basis.as_ref()));
        for (key, b) in a.why.each() {
            out.push((format!("activity {} why.{key}", a.id), Some(b)));
        }
    }
    out
}

#[test]
fn every_role_activity_and_choice_has_a_source_or_an_editorial_reason() {
    let mut missing = Vec::new();
    for id in BUILTIN_IDS {
        let c = builtin(id);
        let mut need = |what: String, basis: Option<&Basis>| match basis {
            Some(Basis::Source { .. } | Basis::Editorial { .. }) => {}
            Some(Basis::Note(_)) => missing.push(format!("{id}: {what} has only a note")),
            None => missing.push(format!("{id}: {what}")),
        };
        need("limits.ra-per-fte".into(), c.limits_why.ra_per_fte.as_ref());
        need(
            "limits.roles-per-person".into(),
            c.limits_why.roles_per_person.as_ref(),
        );
        for t in &c.teams {
            need(format!("team name {}", t.id), t.basis.as_ref());
        }
        for r in &c.roles {
            need(format!("role {}", r.id), r.basis.as_ref());
            need(
                format!("role {} requirement", r.id),
                r.why.requirement.as_ref(),
            );
            if r.reports_to.is_some() {
                need(
                    format!("role {} reports-to", r.id),
                    r.why.reports_to.as_ref(),
                );
            }
            if r.single {
                need(format!("role {} single", r.id), r.why.single.as_ref());
            }
            if !r.conflicts.is_empty() {
                need(format!("role {} conflicts", r.id), r.why.conflicts.as_ref());
            }
            if !r.aliases.is_empty() {
                need(format!("role {} aliases", r.id), r.why.aliases.as_ref());
            }
        }
        for a in &c.activities {
            need(format!("activity {}", a.id), a.basis.as_ref());
            need(format!("activity {} raci", a.id), a.why.raci.as_ref());
            if a.keep_in_house {
                need(
                    format!("activity {} keep-in-house", a.id),
                    a.why.keep_in_house.as_ref(),
                );
            }
            if !a.must_consult.is_empty() {
                need(
                    format!("activity {} must-consult", a.id),
                    a.why.must_consult.as_ref(),
                );
            }
            if !a.must_inform.is_empty() {
                need(
                    format!("activity {} must-inform", a.id),
                    a.why.must_inform.as_ref(),
                );
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} choices without a basis:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn every_quote_is_in_its_document_under_its_section() {
    let texts: Vec<(&str, String)> = SEEDS.iter().map(|(id, _)| (*id, seed(id))).collect();
    let mut wrong = Vec::new();
    let mut quotes = 0;
    for id in BUILTIN_IDS {
        let c = builtin(id);
        for (what, basis) in bases(&c) {
            let Some(Basis::Source {
                document,
                section,
                quote,
            }) = basis
            else {
                continue;
            };
            quotes += 1;
            assert!(
                c.documents.contains_key(document),
                "{id}: {what} quotes `{document}`, which the catalog does not list"
            );
            let text = &texts
                .iter()
                .find(|(d, _)| d == document)
                .unwrap_or_else(|| panic!("{id}: {what}: `{document}` is not a seed"))
                .1;
            if quote.chars().count() > 200 {
                wrong.push(format!("{id}: {what}: the quote is over 200 characters"));
            }
            let Some(at) = text.find(&normalise(section)) else {
                wrong.push(format!(
                    "{id}: {what}: no section `{section}` in {document}"
                ));
                continue;
            };
            if !text[at..].contains(&normalise(quote)) {
                wrong.push(format!(
                    "{id}: {what}: `{quote}` is not in {document} under `{section}`"
                ));
            }
        }
    }
    assert!(
        quotes > 200,
        "only {quotes} quotes: the catalogs lost their sources"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_quote_that_is_not_in_its_document_is_caught() {
    // The check above, on a quote edited by one word: it must not pass.
    let text = seed("b2b-ecommerce-team");
    let real = "a Digital Marketer to drive traffic and optimize conversions";
    assert!(text.contains(real));
    assert!(!text.contains("a Digital Marketer to drive sales and optimize conversions"));
}

#[test]
fn every_reports_to_chain_ends_at_a_required_role() {
    for id in BUILTIN_IDS {
        let c = builtin(id);
        for (start, role) in c.roles.iter().enumerate() {
            if role.requirement == Requirement::Required {
                continue;
            }
            let mut at = start;
            let mut steps = 0;
            while c.roles[at].requirement != Requirement::Required {
                let next = c.roles[at].reports_to.unwrap_or_else(|| {
                    panic!(
                        "{id}: the work of `{}` falls to `{}`, which is not required and reports to nobody",
                        role.id, c.roles[at].id
                    )
                });
                at = next;
                steps += 1;
                assert!(steps <= c.roles.len(), "{id}: `{}` is on a loop", role.id);
            }
        }
    }
}

#[test]
fn every_numbered_duty_of_the_manager_documents_is_an_activity() {
    // 003 numbers fifteen duties ("1. Ecommerce Strategy Development: ..."), 002 five
    // ("1. Manage All Consultants ..."): each is the section some activity is sourced from.
    let sections: Vec<String> = BUILTIN_IDS
        .iter()
        .flat_map(|id| {
            let c = builtin(id);
            c.activities
                .iter()
                .flat_map(|a| a.basis.iter().chain(a.why.raci.iter()))
                .filter_map(|b| match b {
                    Basis::Source { section, .. } => Some(section.clone()),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .collect();
    for (number, count) in [("003", 15), ("002", 5)] {
        let document = SEEDS.iter().find(|(_, n)| *n == number).expect("listed").0;
        let raw = std::fs::read_to_string(
            std::fs::read_dir(seeds_dir())
                .expect("seeds")
                .filter_map(Result::ok)
                .find(|e| e.file_name().to_string_lossy().starts_with(number))
                .expect("the seed")
                .path(),
        )
        .expect("text");
        let titles: Vec<String> = raw
            .lines()
            .filter_map(|line| {
                let (n, rest) = line.trim().split_once(". ")?;
                n.parse::<u32>().ok()?;
                Some(rest.split(':').next().unwrap_or(rest).trim().to_owned())
            })
            .collect();
        assert_eq!(titles.len(), count, "{document}: {titles:?}");
        for title in titles {
            assert!(
                sections.contains(&title),
                "no activity is sourced from {document} `{title}`"
            );
        }
    }
}

#[test]
fn catalog_show_sources_quotes_the_passage_behind_each_choice() {
    let (code, out, err) = crate::support::run(&["catalog", "show", "b2b", "--sources"]);
    assert_eq!(code, 0, "{err}");
    let manager = out
        .split("\n\n")
        .find(|block| block.starts_with("ecommerce-manager · "))
        .expect("a block for the eCommerce manager");
    assert!(manager.contains("required in this catalog"), "{manager}");
    // The whitepaper's essential roles, quoted (the text is wrapped, so compare words).
    assert!(
        normalise(manager).contains("an eCommerce Manager/Director to provide strategic guidance"),
        "{manager}"
    );
    assert!(
        out.contains("editorial: "),
        "editorial reasons are shown too"
    );
    let (_, md, _) =
        crate::support::run(&["catalog", "show", "b2b", "--sources", "-f", "markdown"]);
    assert!(
        md.contains("## ecommerce-manager · eCommerce Manager\n"),
        "{md}"
    );
    assert!(md.contains("- **required in this catalog** — Building a B2B eCommerce Team"));
    let (_, table, _) = crate::support::run(&["catalog", "show", "b2b"]);
    assert!(normalise(&table).contains("teamplan catalog show b2b --sources"));
}

#[test]
fn catalog_json_has_source_and_basis_on_every_role_and_activity() {
    let (code, out, _) = crate::support::run(&["catalog", "show", "d2c", "-f", "json"]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let items = doc["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .chain(doc["activities"].as_array().expect("activities"));
    let mut editorial = 0;
    for item in items {
        let id = &item["id"];
        match item["basis"].as_str() {
            Some("source") => {
                let source = &item["source"];
                for key in ["document", "section", "quote"] {
                    assert!(source[key].is_string(), "{id}: source.{key}");
                }
                assert!(
                    doc["documents"][source["document"].as_str().expect("id")]["title"].is_string()
                );
            }
            Some("editorial") => {
                editorial += 1;
                assert!(
                    item["source"].is_null() && item["reason"].is_string(),
                    "{id}"
                );
            }
            other => panic!("{id}: basis {other:?}"),
        }
        if let Some(why) = item["why"].as_object() {
            editorial += why.values().filter(|b| b["basis"] == "editorial").count();
        }
    }
    let keep = doc["activities"]
        .as_array()
        .expect("activities")
        .iter()
        .find(|a| a["id"] == "ship-orders")
        .expect("ship-orders");
    assert!(keep["why"]["keep-in-house"]["reason"].is_string(), "{keep}");
    assert!(keep["why"]["raci"].is_object());
    assert!(editorial > 0, "d2c has editorial choices");
}

#[test]
fn a_custom_catalog_says_what_is_wrong_with_a_basis() {
    let dir = crate::support::Scratch::new();
    let long = "x".repeat(201);
    let catalog = dir.write(
        "ours.toml",
        &format!(
            r#"extends = "b2b"
id = "ours"

[roles.buyer]
title = "Buyer"
reports-to = "ecommerce-manager"
basis = "editorial"

[roles.qa-tester]
why.requirement = {{ document = "our-handbook", section = "Testing", quote = "We test." }}

[roles.sales-representative]
why.requirement = {{ document = "b2b-ecommerce-team", section = "FAQ", quote = "{long}" }}

[roles.analytics-specialist]
why.requirement = {{ basis = "editorial", reason = "ours", document = "b2b-ecommerce-team" }}

[roles.web-designer]
why.single = {{ basis = "editorial", reason = "one designer" }}
why.conflicts = {{ document = "b2b-ecommerce-team", section = "FAQ", quote = "   " }}

[documents."Our Handbook"]
title = "Handbook"
"#
        ),
    );
    let (code, out, _) = crate::support::run(&["catalog", "check", &catalog.to_string_lossy()]);
    assert_eq!(code, 1, "{out}");
    for needle in [
        "role `buyer`: an editorial basis needs a `reason`",
        "role `qa-tester`, `why.requirement`: quotes document `our-handbook`, which the catalog does not list",
        "role `sales-representative`, `why.requirement`: its quote has 201 characters",
        "role `analytics-specialist`, `why.requirement`: is both editorial and sourced",
        // A reason for a choice the catalog does not make would show a claim nobody made.
        "role `web-designer` explains `single`, a choice it does not make",
        "role `web-designer`, `why.conflicts`: its quote is empty",
        "document `Our Handbook` is not a kebab-case id",
        "role `web-designer` explains `conflicts`, a choice it does not make",
        "8 problems",
    ] {
        assert!(out.contains(needle), "missing `{needle}` in\n{out}");
    }
}

#[test]
fn a_catalog_id_must_be_an_id_and_a_source_takes_no_other_keys() {
    let dir = crate::support::Scratch::new();
    let catalog = dir.write(
        "odd.toml",
        "id = \"x\\n::error::pwned\"\n[roles.boss]\ntitle = \"Boss\"\nrequirement = \"required\"\n[activities.run]\ntitle = \"Run\"\narea = \"merchandising\"\nraci = { accountable = \"boss\", responsible = [\"boss\"] }\n",
    );
    let (code, out, _) = crate::support::run(&["catalog", "check", &catalog.to_string_lossy()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("is not a kebab-case id"), "{out}");
    assert!(
        !out.lines().any(|l| l.trim_start().starts_with("::")),
        "{out}"
    );
    let extra = dir.write(
        "extra.toml",
        "extends = \"b2b\"\nid = \"extra\"\n[roles.qa-tester]\nsource = { document = \"b2b-ecommerce-team\", section = \"s\", quote = \"q\", page = 3 }\n",
    );
    let (code, out, _) = crate::support::run(&["catalog", "check", &extra.to_string_lossy()]);
    assert_ne!(code, 0, "an unknown key in a source is refused: {out}");
}

#[test]
fn a_changed_choice_drops_the_basis_it_inherited_and_a_note_is_kept() {
    let dir = crate::support::Scratch::new();
    let catalog = dir.write(
        "ours.toml",
        r#"extends = "b2b"
id = "ours"

[documents.handbook]
title = "Our hiring handbook"

[roles.qa-tester]
requirement = "required"

[roles.sales-representative]
requirement = "required"
why.requirement = { document = "handbook", section = "Sales", quote = "Every account has a sales rep." }

[roles.buyer]
title = "Buyer"
reports-to = "ecommerce-manager"
source = "our buying team, 2026"
"#,
    );
    let (code, out, err) =
        crate::support::run(&["catalog", "show", &catalog.to_string_lossy(), "-f", "json"]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let role = |id: &str| {
        doc["roles"]
            .as_array()
            .expect("roles")
            .iter()
            .find(|r| r["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("no role {id}"))
    };
    // b2b's reason for "recommended" does not hold for "required".
    assert!(
        role("qa-tester")["why"]["requirement"].is_null(),
        "{}",
        role("qa-tester")
    );
    // The role itself keeps its source: only the choice changed.
    assert_eq!(role("qa-tester")["basis"], "source");
    assert_eq!(
        role("sales-representative")["why"]["requirement"]["document"],
        "handbook"
    );
    assert_eq!(role("buyer")["basis"], "note");
    assert_eq!(role("buyer")["source"], "our buying team, 2026");
    // A file shown as TOML loads back with its bases.
    let (_, toml, _) =
        crate::support::run(&["catalog", "show", &catalog.to_string_lossy(), "-f", "toml"]);
    let again = dir.write("again.toml", &toml);
    let (code, out, _) =
        crate::support::run(&["catalog", "show", &again.to_string_lossy(), "-f", "json"]);
    assert_eq!(code, 0);
    let back: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(back["roles"], doc["roles"]);
    assert_eq!(back["activities"], doc["activities"]);
    assert_eq!(back["limits"], doc["limits"]);
}

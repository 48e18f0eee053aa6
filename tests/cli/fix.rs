//! `check --fix`: the misspellings with one safe answer are corrected in place, comments and
//! layout kept; `--dry-run` shows the change and writes nothing; what is ambiguous or would
//! collide is left and said.

use crate::support::{Scratch, run};

/// A four-person shop typed in a hurry: a key, the catalog, a role, an activity and a person
/// (in the misspelt activity's row) misspelt.
const HURRIED: &str = r#"# Pine & Pixel, as typed in a hurry
[team]
name = "Pine & Pixel"
catalog = "Small-Team"   # the catalog, in the wrong case

[people.maya]
name = "Maya"
rolse = ["ecommerce-manager"]   # a misspelt key

[people.tom]
name = "Tom"
roles = [ "web-develper" ]

[people.ines]
name = "Ines"
roles = ["digital-marketing-specialist"]

[people.samantha]
name = "Samantha"
roles = ["customer-service-representative"]

[raci.plan-promtions]
accountable = "ines"
responsible = ["ines"]
consulted = ["maya"]
informed = ["samanta"]
"#;

const FIXED: &str = r#"# Pine & Pixel, as typed in a hurry
[team]
name = "Pine & Pixel"
catalog = "small-team"   # the catalog, in the wrong case

[people.maya]
name = "Maya"
roles = ["ecommerce-manager"]   # a misspelt key

[people.tom]
name = "Tom"
roles = [ "web-developer" ]

[people.ines]
name = "Ines"
roles = ["digital-marketing-specialist"]

[people.samantha]
name = "Samantha"
roles = ["customer-service-representative"]

[raci.plan-promotions]
accountable = "ines"
responsible = ["ines"]
consulted = ["maya"]
informed = ["samantha"]
"#;

#[test]
fn fix_corrects_every_safe_misspelling_and_keeps_the_rest_of_the_file() {
    let dir = Scratch::new();
    let team = dir.write("team.toml", HURRIED);
    let path = team.to_string_lossy().into_owned();
    let (code, _, _) = run(&["check", &path]);
    assert_eq!(code, 2, "the file does not even parse before");
    let (code, out, err) = run(&["check", &path, "--fix"]);
    assert_eq!(std::fs::read_to_string(&team).expect("read"), FIXED);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("no findings"), "{out}");
    // Each fix on stderr, in the file's order, then the count.
    let fixes: Vec<&str> = err.lines().filter(|l| l.starts_with("fixed ")).collect();
    assert_eq!(fixes.len(), 6, "{err}");
    assert!(
        fixes[0].ends_with("team.toml:4:11: `Small-Team` → `small-team`"),
        "{err}"
    );
    assert!(
        fixes[1].ends_with("team.toml:8:1: `rolse` → `roles`"),
        "{err}"
    );
    assert!(
        fixes[4].ends_with("team.toml:26:13: `samanta` → `samantha`"),
        "{err}"
    );
    assert_eq!(fixes[5], "fixed 5 problems");
    // A second run has nothing left to do.
    let (code, _, err) = run(&["check", &path, "--fix"]);
    assert_eq!(code, 0);
    assert!(err.contains("nothing to fix safely"), "{err}");
}

#[test]
fn dry_run_prints_the_diff_and_writes_nothing() {
    let dir = Scratch::new();
    let team = dir.write("team.toml", HURRIED);
    let path = team.to_string_lossy().into_owned();
    let (code, out, err) = run(&["check", &path, "--fix", "--dry-run"]);
    assert_eq!(std::fs::read_to_string(&team).expect("read"), HURRIED);
    assert_eq!(code, 2, "the file as it is does not read: {err}");
    assert!(out.contains("-rolse = [\"ecommerce-manager\"]   # a misspelt key\n+roles = [\"ecommerce-manager\"]   # a misspelt key\n"), "{out}");
    assert!(
        out.contains("-[raci.plan-promtions]\n+[raci.plan-promotions]\n"),
        "{out}"
    );
    assert!(err.contains("would fix 5 problems"), "{err}");
    let (_, _, err) = run(&["check", &path, "--dry-run"]);
    assert!(err.contains("--fix"), "--dry-run needs --fix: {err}");
    let (code, out, err) = run(&["check", &path, "--fix", "--dry-run", "--format", "json"]);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("unified diff"), "{err}");
}

#[test]
fn what_has_no_single_answer_or_would_collide_is_left_and_said() {
    let dir = Scratch::new();
    let text = r#"[team]
name = "Shop"
catalog = "small-team"

[people.maya]
name = "Maya"
roles = ["ecommerce-manager", "marketing"]

[people.tom]
name = "Tom"
roles = ["web-developer"]

[people.ines]
name = "Ines"
roles = ["digital-marketing-specialist"]

[people.sam]
name = "Sam"
roles = ["customer-service-representative"]

[raci.plan-promotions]
accountable = "ines"

[raci.plan-promtions]
accountable = "maya"
"#;
    let team = dir.write("team.toml", text);
    let path = team.to_string_lossy().into_owned();
    let (code, out, err) = run(&["check", &path, "--fix", "--format", "json"]);
    assert_eq!(
        std::fs::read_to_string(&team).expect("read"),
        text,
        "nothing changed"
    );
    assert_eq!(code, 1, "the findings remain: {err}");
    assert!(
        err.contains("not fixed ")
            && err.contains(
                "`plan-promtions` → `plan-promotions`: the new name is already used there"
            ),
        "{err}"
    );
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let fixes = doc["fixes"].as_array().expect("a fixes list with --fix");
    assert_eq!(
        fixes.len(),
        1,
        "`marketing` has no single close role: {fixes:?}"
    );
    assert_eq!(fixes[0]["fixed"], false);
    assert_eq!(fixes[0]["line"], 24);
    let rules = crate::support::rules(&doc);
    assert!(
        rules.iter().any(|r| r == "unknown-role") && rules.iter().any(|r| r == "unknown-activity"),
        "{rules:?}"
    );
    // Without --fix, JSON has no "fixes" key at all.
    let (_, out, _) = run(&["check", &path, "--format", "json"]);
    assert!(!out.contains("\"fixes\""));
}

#[test]
fn short_names_close_names_and_people_of_other_teams_are_not_guessed() {
    let dir = Scratch::new();
    let shop = |extra: &str| {
        format!(
            "[team]\nname = \"Shop\"\ncatalog = \"small-team\"\n\n[people.jordan-lee]\nroles = [\"ecommerce-manager\", \"web-developer\"]\n\n[people.jordan-lea]\nroles = [\"digital-marketing-specialist\"]\n\n[people.kai]\nroles = [\"cto\", \"customer-service-representative\"]\n{extra}"
        )
    };
    let text = shop("\n[raci.plan-promotions]\nconsulted = [\"jordan-le\", \"annabel\"]\n");
    let team = dir.write("teams/shop.toml", &text);
    dir.write(
        "teams/warehouse.toml",
        "[team]\nname = \"Warehouse\"\ncatalog = \"small-team\"\n\n[people.annabel]\nroles = [\"ecommerce-manager\"]\n",
    );
    let folder = dir.path().join("teams");
    let (code, _, err) = run(&["check", &folder.to_string_lossy(), "--fix"]);
    assert_eq!(
        std::fs::read_to_string(&team).expect("read"),
        text,
        "nothing guessed: {err}"
    );
    assert_ne!(code, 0);
    // `cto` is one letter from the `ceo` alias: too short to guess. `jordan-le` is as close to
    // two people: said, not chosen. `annabel` is a person of the other team: no misspelling.
    assert!(
        err.contains("`jordan-le`: more than one close name (one of `jordan-lee`, `jordan-lea`)"),
        "{err}"
    );
    assert!(
        !err.contains("`cto`") && !err.contains("`annabel`"),
        "{err}"
    );
}

#[test]
fn a_file_that_does_not_read_yet_is_said_after_the_fixes() {
    let dir = Scratch::new();
    let team = dir.write(
        "team.toml",
        &HURRIED.replace("rolse = [", "roles = [\"qa-tester\"]\nrolse = ["),
    );
    let (code, _, err) = run(&["check", &team.to_string_lossy(), "--fix"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("`rolse` → `roles`: the new name is already used there"),
        "{err}"
    );
    assert!(err.contains("does not read as a team yet"), "{err}");
}

#[test]
fn fix_refuses_a_file_with_other_links_unless_forced() {
    let dir = Scratch::new();
    let team = dir.write("team.toml", HURRIED);
    let other = dir.path().join("linked.toml");
    std::fs::hard_link(&team, &other).expect("link");
    let path = team.to_string_lossy().into_owned();
    let (code, _, err) = run(&["check", &path, "--fix"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("2 hard links") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&other).expect("read"), HURRIED);
    let (code, _, err) = run(&["check", &path, "--fix", "--force"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(&other).expect("read"),
        FIXED,
        "written in place: the link holds"
    );
}

#[test]
fn explain_says_which_rules_are_fixable() {
    let (_, out, _) = run(&["explain", "unknown-role"]);
    assert!(out.contains("Fixable: `teamplan check --fix`"), "{out}");
    let (_, out, _) = run(&["explain", "missing-role"]);
    assert!(!out.contains("Fixable"), "{out}");
}

#[test]
fn one_file_refused_leaves_every_file_as_it_was() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = Scratch::new();
    let a = dir.write("teams/a.toml", HURRIED);
    let b = dir.write(
        "teams/b.toml",
        &HURRIED.replace("Pine & Pixel", "Pine & Pixel B"),
    );
    std::fs::set_permissions(&b, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let folder = dir.path().join("teams");
    let (code, _, err) = run(&["check", &folder.to_string_lossy(), "--fix"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("b.toml is read-only"), "{err}");
    assert_eq!(std::fs::read_to_string(&a).expect("read"), HURRIED, "{err}");
    assert!(
        !err.contains("fixed "),
        "nothing was written, so nothing is said fixed: {err}"
    );
}

#[test]
fn a_name_written_in_several_places_and_two_fixes_to_one_role_are_left() {
    let dir = Scratch::new();
    let text = "[team]\nname = \"Shop\"\ncatalog = \"small-team\"\n\n[people.maya]\nroles = [\"ecommerce-manager\", \"web-develper\", \"web-develpr\"]\n\n[people.tomas]\nroles = [\"digital-marketing-specialist\", \"customer-service-representative\"]\n\n[raci]\nplan-promtions.accountable = \"maya\"\nplan-promtions.responsible = [\"tomas\"]\n";
    let team = dir.write("team.toml", text);
    let (_, _, err) = run(&["check", &team.to_string_lossy(), "--fix"]);
    let after = std::fs::read_to_string(&team).expect("read");
    assert!(
        after.contains("plan-promtions.accountable")
            && after.contains("plan-promtions.responsible"),
        "a dotted table named twice is renamed in both places or neither: {after}"
    );
    assert!(
        err.contains("the name is written in several places"),
        "{err}"
    );
    assert_eq!(
        after.matches("\"web-developer\"").count(),
        1,
        "one of two misspellings of one role is fixed: {after}"
    );
}

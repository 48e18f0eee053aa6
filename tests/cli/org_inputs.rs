//! How the files of an org are found from the paths given, on paths as people and pull
//! requests write them: a bare file name, a symlink, a crowded folder, a byte-order mark, a
//! fake `[org]`, and a working folder above the repository.

use std::path::Path;
use std::process::Command;

use crate::support::{Scratch, rules, teamplan};

const ORG: &str = "[org]\nname = \"Pine\"\ncatalog = \"small-team\"\n";
const LEAD: &str = "[team]\nname = \"Leadership\"\n\n[people.maya]\nroles = [\"ecommerce-manager\", \"web-developer\"]\n";
const SHOP: &str = "[team]\nname = \"Shop\"\n\n[people.ines]\nroles = [\"digital-marketing-specialist\", \"customer-service-representative\"]\n";

/// A clean org of two units in `repo/org/`, inside a repository.
fn org() -> Scratch {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path().join("repo/.git")).expect("mkdir");
    s.write("repo/org/org.toml", ORG);
    s.write("repo/org/lead.toml", LEAD);
    s.write("repo/org/shop.toml", SHOP);
    s
}

/// One field of every finding in a check document.
fn field_of_each<'d>(doc: &'d serde_json::Value, key: &str) -> Vec<&'d str> {
    doc["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f[key].as_str())
        .collect()
}

/// `check --format json ARGS` run in `dir`: exit code and the document.
fn check_in(dir: &Path, args: &[&str]) -> (i32, serde_json::Value) {
    let out: std::process::Output = Command::new(teamplan().get_program())
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("run");
    let doc = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "not JSON: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap_or(-1), doc)
}

#[test]
fn a_bare_file_name_inside_the_org_folder_loads_the_whole_org() {
    let s = org();
    let dir = s.path().join("repo/org");
    for name in ["org.toml", "shop.toml", "./lead.toml", "."] {
        let (code, doc) = check_in(&dir, &[name]);
        assert_eq!((code, rules(&doc)), (0, vec![]), "{name}: {doc:#}");
        assert_eq!(doc["summary"]["teams"], 2, "{name}: {doc:#}");
    }
}

#[test]
fn an_org_line_inside_a_string_makes_no_org_of_the_folder() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path().join(".git")).expect("mkdir");
    s.write(
        "teams/bad.toml",
        "[team]\nname = \"Bad\"\ncatalog = \"small-team\"\n\n[people.a]\nroles = [\"nonexistent-role\"]\n",
    );
    s.write(
        "teams/zz.toml",
        "[team]\nname = \"Innocent\"\ncatalog = \"small-team\"\ndescription = \"\"\"\n[org]\n\"\"\"\n\n[people.b]\nroles = [\"ecommerce-manager\"]\n",
    );
    let (code, doc) = check_in(s.path(), &["teams"]);
    assert_eq!(code, 1, "{doc:#}");
    assert!(rules(&doc).contains(&"unknown-role".to_owned()), "{doc:#}");
    assert_eq!(doc["summary"]["orgs"].as_u64().unwrap_or(0), 0, "{doc:#}");
    assert_eq!(doc["summary"]["teams"], 2, "{doc:#}");
}

#[test]
fn a_symlink_to_a_unit_is_that_unit_once() {
    let s = org();
    let dir = s.path().join("repo/org");
    std::os::unix::fs::symlink("shop.toml", dir.join("zlink.toml")).expect("symlink");
    let (code, doc) = check_in(&s.path().join("repo"), &["org/zlink.toml"]);
    assert_eq!((code, rules(&doc)), (0, vec![]), "{doc:#}");
    assert_eq!(doc["summary"]["people"], 2, "{doc:#}");
}

#[test]
fn an_org_file_is_found_past_a_thousand_other_files_and_a_byte_order_mark() {
    let s = org();
    let dir = s.path().join("repo/org");
    s.write("repo/org/org.toml", &format!("\u{feff}{ORG}"));
    for i in 0..1200 {
        std::fs::write(dir.join(format!("note-{i}.txt")), "").expect("write");
    }
    let (code, doc) = check_in(&s.path().join("repo"), &["org/shop.toml"]);
    assert_eq!((code, rules(&doc)), (0, vec![]), "{doc:#}");
    assert_eq!(doc["summary"]["orgs"], 1, "{doc:#}");
}

#[test]
fn from_above_the_repository_no_file_outside_it_is_read() {
    let s = org();
    // An org file above the repository, and a catalog path leading out of it.
    s.write("org.toml", "[org]\nname = \"Outside\"\ncatalog = \"b2b\"\n");
    s.write("secret.toml", "AWS_SECRET = \"abc123\"\n");
    s.write(
        "repo/org/org.toml",
        "[org]\nname = \"Pine\"\ncatalog = \"../../secret.toml\"\n",
    );
    let (code, doc) = check_in(s.path(), &["repo/org/shop.toml"]);
    let text = doc.to_string();
    assert!(!text.contains("abc123"), "{doc:#}");
    assert!(!text.contains("Outside"), "{doc:#}");
    assert!(
        text.contains("outside"),
        "the catalog path is refused: {doc:#}"
    );
    assert_eq!(code, 2, "{doc:#}");
}

#[test]
fn two_orgs_may_each_have_a_unit_of_the_same_name() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path().join(".git")).expect("mkdir");
    for org in ["alpen", "seeblick"] {
        s.write(&format!("group/{org}/org.toml"), &ORG.replace("Pine", org));
        s.write(&format!("group/{org}/lead.toml"), LEAD);
        s.write(
            &format!("group/{org}/shop.toml"),
            &SHOP.replace("ines", &format!("ines-{org}")),
        );
    }
    let lead = LEAD.replace("maya", "maya-seeblick");
    s.write("group/seeblick/lead.toml", &lead);
    let (code, doc) = check_in(s.path(), &["group"]);
    assert_eq!((code, rules(&doc)), (0, vec![]), "{doc:#}");
    // Within one org, a name is still one unit's.
    s.write(
        "group/seeblick/shop2.toml",
        "[team]\nname = \"Shop\"\n\n[people.ada]\nroles = [\"content-creator\"]\n",
    );
    let (_, doc) = check_in(s.path(), &["group"]);
    assert_eq!(rules(&doc), ["duplicate-team"], "{doc:#}");
}

#[test]
fn a_unit_naming_another_business_catalog_is_one_clear_error() {
    let s = org();
    s.write(
        "repo/org/shop.toml",
        &SHOP.replace("name = \"Shop\"", "name = \"Shop\"\ncatalog = \"d2c\""),
    );
    let (code, doc) = check_in(&s.path().join("repo"), &["org"]);
    assert_eq!(code, 2, "{doc:#}");
    let errors = crate::support::findings_of(&doc, "parse-error");
    assert_eq!(errors.len(), 1, "{doc:#}");
    let f = errors[0];
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(3), Some(11))
    );
    let message = f["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("`small-team`") && message.contains("`d2c`"),
        "{message}"
    );
    assert!(
        f["help"]
            .as_str()
            .unwrap_or_default()
            .contains("marketing-team"),
        "{f:#}"
    );
}

#[test]
fn a_broken_unit_is_said_whichever_unit_path_is_given() {
    let s = org();
    s.write("repo/org/shop.toml", &SHOP.replace("roles =", "rolse ="));
    let (code, doc) = check_in(&s.path().join("repo"), &["org/lead.toml"]);
    assert_eq!(code, 2, "{doc:#}");
    let errors = crate::support::findings_of(&doc, "parse-error");
    assert!(
        errors.iter().any(|f| f["file"]
            .as_str()
            .unwrap_or_default()
            .ends_with("shop.toml")),
        "{doc:#}"
    );
}

#[test]
fn checking_one_unit_says_how_many_findings_elsewhere_it_leaves_out() {
    let s = org();
    s.write(
        "repo/org/shop.toml",
        &SHOP.replace("[\"digital", "[\"misspelt-role\", \"digital"),
    );
    let out = teamplan()
        .current_dir(s.path().join("repo"))
        .args(["check", "org/lead.toml"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("note: 1 finding in other files of the org not shown"),
        "{text}"
    );
    // Machines are told too: JSON in `notes`, GitHub as a notice.
    let (code, doc) = check_in(&s.path().join("repo"), &["org/lead.toml"]);
    assert_eq!((code, rules(&doc)), (0, vec![]), "{doc:#}");
    assert!(
        doc["notes"][0]
            .as_str()
            .is_some_and(|n| n.starts_with("1 finding in other files of the org not shown")),
        "{doc:#}"
    );
    let out = teamplan()
        .current_dir(s.path().join("repo"))
        .args(["check", "--format", "github", "org/lead.toml"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with("::notice title=teamplan::1 finding in other files")),
        "{text}"
    );
    let (code, doc) = check_in(&s.path().join("repo"), &["org"]);
    assert_eq!((code, rules(&doc)), (1, vec!["unknown-role".to_owned()]));
    assert!(
        doc.get("notes").is_none(),
        "nothing left out: no notes: {doc:#}"
    );
}

#[test]
fn a_file_name_that_is_not_utf8_is_refused_not_confused_with_another() {
    use std::os::unix::ffi::OsStrExt as _;
    let s = org();
    let dir = s.path().join("repo/org");
    // Two names that show alike: each bad byte as one replacement character. One holds an
    // error, the other allows it.
    let bad = dir.join(std::ffi::OsStr::from_bytes(b"\xfe.toml"));
    let allow = dir.join(std::ffi::OsStr::from_bytes(b"\xff.toml"));
    std::fs::write(
        &bad,
        "[team]\nname = \"Bad\"\n\n[people.zed]\nroles = [\"nope-role\"]\n",
    )
    .expect("write");
    std::fs::write(
        &allow,
        "[team]\nname = \"Other\"\n\n[rules]\nunknown-role = \"allow\"\n",
    )
    .expect("write");
    let (code, doc) = check_in(&s.path().join("repo"), &["org"]);
    assert_eq!(code, 2, "{doc:#}");
    assert!(doc.to_string().contains("is not valid UTF-8"), "{doc:#}");
}

/// The Pine org with an org of its own nested in `sub/`, whose one unit lacks three
/// required roles.
fn nested() -> Scratch {
    let s = org();
    s.write(
        "repo/org/sub/org.toml",
        "[org]\nname = \"Cedar\"\ncatalog = \"small-team\"\n",
    );
    s.write(
        "repo/org/sub/x.toml",
        "[team]\nname = \"Cedar shop\"\n\n[people.kim]\nroles = [\"ecommerce-manager\"]\n",
    );
    s
}

#[test]
fn a_nested_org_is_its_own_whichever_path_inside_is_given() {
    let s = nested();
    let dir = s.path().join("repo/org");
    // Any path of the outer org: that org alone, clean; the nested org is not its.
    for path in ["lead.toml", "org.toml"] {
        let (code, doc) = check_in(&dir, &[path]);
        assert_eq!((code, rules(&doc)), (0, vec![]), "{path}: {doc:#}");
        assert_eq!(doc["summary"]["orgs"], 1, "{path}: {doc:#}");
    }
    // Any path of the nested org, its folder included: that org alone, with its gaps.
    for path in ["sub/x.toml", "sub/org.toml", "sub", "sub/"] {
        let (code, doc) = check_in(&dir, &[path]);
        assert_eq!(code, 1, "{path}: {doc:#}");
        assert_eq!(rules(&doc), vec!["missing-role"; 3], "{path}: {doc:#}");
        assert_eq!(doc["summary"]["orgs"], 1, "{path}: {doc:#}");
        assert_eq!(doc["summary"]["teams"], 1, "{path}: {doc:#}");
    }
    // The folder holding both: both.
    let (code, doc) = check_in(&dir, &["."]);
    assert_eq!(
        (code, doc["summary"]["orgs"].clone()),
        (1, 2.into()),
        "{doc:#}"
    );
    assert_eq!(rules(&doc), vec!["missing-role"; 3], "{doc:#}");
}

#[test]
fn an_org_file_over_max_file_size_is_found_and_refused_for_its_size() {
    let s = org();
    let padding = "# a long comment line to make the org file big\n".repeat(100);
    s.write("repo/org/org.toml", &format!("{ORG}{padding}"));
    let (code, doc) = check_in(
        &s.path().join("repo/org"),
        &["--max-file-size", "1000", "lead.toml"],
    );
    assert_eq!(code, 2, "{doc:#}");
    let messages: Vec<&str> = field_of_each(&doc, "message");
    assert!(
        messages
            .iter()
            .any(|m| m.contains("org.toml") && m.contains("over the 1000-byte limit")),
        "the org file is found, and refused for its size: {messages:#?}"
    );
    let helps: Vec<&str> = field_of_each(&doc, "help");
    assert!(
        helps
            .iter()
            .any(|h| h.contains("org.toml is the org file of this folder, but it did not load")),
        "the unit's missing catalog is put down to its org: {helps:#?}"
    );
    // Under a limit it fits, the org is whole again.
    let (code, doc) = check_in(&s.path().join("repo/org"), &["lead.toml"]);
    assert_eq!((code, rules(&doc)), (0, vec![]), "{doc:#}");
}

#[test]
fn outside_a_repository_a_unit_below_the_current_folder_of_its_org_is_told_where_to_run() {
    let s = Scratch::new();
    s.write("org/org.toml", ORG);
    s.write("org/team/lead.toml", LEAD);
    let team = s.path().join("org/team");
    let (code, doc) = check_in(&team, &["lead.toml"]);
    assert_eq!(code, 2, "{doc:#}");
    let help = doc["findings"][0]["help"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        help.contains("no higher than the current folder") && help.contains("--root DIR"),
        "{help}"
    );
    // Following the advice checks the org.
    let (code, doc) = check_in(&team, &["--root", "..", "lead.toml"]);
    assert_eq!(doc["summary"]["orgs"], 1, "{doc:#}");
    assert_eq!(
        code, 1,
        "the org lacks the roles of its other unit: {doc:#}"
    );
}

#[test]
fn a_folder_of_units_below_the_org_file_brings_the_whole_org() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path().join("repo/.git")).expect("mkdir");
    s.write("repo/org/org.toml", ORG);
    s.write("repo/org/lead/lead.toml", LEAD);
    s.write("repo/org/shop/shop.toml", SHOP);
    let dir = s.path().join("repo/org");
    for path in ["shop", "shop/", "lead/lead.toml", "."] {
        let (code, doc) = check_in(&dir, &[path]);
        assert_eq!((code, rules(&doc)), (0, vec![]), "{path}: {doc:#}");
        assert_eq!(doc["summary"]["teams"], 2, "{path}: {doc:#}");
    }
    // Without the org, the shop alone lacks the lead's roles.
    std::fs::remove_file(s.path().join("repo/org/lead/lead.toml")).expect("rm");
    let (code, doc) = check_in(&dir, &["shop"]);
    assert_eq!(code, 1, "{doc:#}");
    assert!(rules(&doc).iter().all(|r| r == "missing-role"), "{doc:#}");
}

#[test]
fn paths_in_two_nested_orgs_give_both_orgs_in_any_order() {
    let s = nested();
    let dir = s.path().join("repo/org");
    let runs = [
        ["lead.toml", "sub/x.toml"],
        ["sub/x.toml", "lead.toml"],
        ["org.toml", "sub/org.toml"],
        ["sub/org.toml", "org.toml"],
        [".", "sub"],
        ["sub", "."],
    ];
    for paths in runs {
        let (code, doc) = check_in(&dir, &paths);
        assert_eq!(code, 1, "{paths:?}: {doc:#}");
        assert_eq!(doc["summary"]["orgs"], 2, "{paths:?}: {doc:#}");
        assert_eq!(doc["summary"]["teams"], 3, "{paths:?}: {doc:#}");
        // The nested org's gaps, and nothing of it charged to the outer org.
        assert_eq!(rules(&doc), vec!["missing-role"; 3], "{paths:?}: {doc:#}");
    }
}

#[test]
fn a_folder_and_a_folder_inside_it_are_not_an_empty_folder() {
    let s = org();
    std::fs::create_dir_all(s.path().join("repo/teams/sub")).expect("mkdir");
    let team = "[team]\nname = \"Solo\"\ncatalog = \"small-team\"\n\n[people.maya]\nroles = [\"ecommerce-manager\", \"web-developer\", \"digital-marketing-specialist\", \"customer-service-representative\"]\n";
    s.write("repo/teams/sub/solo.toml", team);
    let (_, doc) = check_in(&s.path().join("repo"), &["teams", "teams/sub"]);
    assert!(
        !rules(&doc).contains(&"parse-error".to_owned()),
        "teams/sub holds a team file, found under teams: {doc:#}"
    );
    assert_eq!(doc["summary"]["teams"], 1, "{doc:#}");
}

#[test]
fn raci_of_a_folder_holding_a_nested_org_shows_the_folders_own_org() {
    let s = nested();
    let dir = s.path().join("repo/org");
    let raci = |args: &[&str]| {
        let out = Command::new(teamplan().get_program())
            .current_dir(&dir)
            .env("NO_COLOR", "1")
            .args(["raci", "--format", "csv"])
            .args(args)
            .output()
            .expect("run");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(raci(&["."]), "area,activity,title,maya,ines");
    assert_eq!(raci(&["sub"]), "area,activity,title,kim");
}

#[test]
fn an_org_file_that_does_not_parse_is_the_one_error_its_units_say_nothing() {
    let s = org();
    s.write("repo/org/org.toml", &format!("{ORG}bad = \n"));
    for path in ["lead.toml", ".", "org.toml"] {
        let (code, doc) = check_in(&s.path().join("repo/org"), &[path]);
        assert_eq!(code, 2, "{path}: {doc:#}");
        let files: Vec<&str> = field_of_each(&doc, "file");
        assert_eq!(files.len(), 1, "{path}: {doc:#}");
        assert!(files[0].ends_with("org.toml"), "{path}: {doc:#}");
    }
}

#[test]
fn a_unit_linked_into_a_nested_org_stays_in_the_org_of_its_folder() {
    let s = org();
    // The nested org's folder comes before the unit by name: the walk meets the link first.
    s.write(
        "repo/org/emea/org.toml",
        "[org]\nname = \"Emea\"\ncatalog = \"small-team\"\n",
    );
    std::os::unix::fs::symlink("../shop.toml", s.path().join("repo/org/emea/link.toml"))
        .expect("symlink");
    let dir = s.path().join("repo/org");
    // The shop is the outer org's unit wherever the search meets it first.
    for path in ["org.toml", "lead.toml", "shop.toml"] {
        let (code, doc) = check_in(&dir, &[path]);
        assert_eq!((code, rules(&doc)), (0, vec![]), "{path}: {doc:#}");
        assert_eq!(doc["summary"]["teams"], 2, "{path}: {doc:#}");
    }
}

#[test]
fn init_two_new_folders_deep_in_an_org_writes_a_unit() {
    let s = org();
    let out = Command::new(teamplan().get_program())
        .current_dir(s.path().join("repo"))
        .env("NO_COLOR", "1")
        .args(["init", "--yes", "--name", "Deep", "org/a/b/deep.toml"])
        .output()
        .expect("run");
    let text = std::fs::read_to_string(s.path().join("repo/org/a/b/deep.toml")).expect("written");
    assert!(
        !text.contains("catalog ="),
        "a unit names no catalog:\n{text}"
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `diff --git` of a unit whose org file the change deletes (the unit becomes a team of
/// its own): the old side is still the org it was, found at the revision.
#[test]
fn diff_with_git_finds_the_org_at_the_revision_when_the_change_deletes_it() {
    let s = Scratch::new();
    let git = crate::review::git_in(s.path());
    s.write(
        "teams/org.toml",
        "[org]\nname = \"Acme\"\ncatalog = \"small-team\"\n",
    );
    let unit = "[team]\nname = \"Shop\"\n\n[people.ana]\nroles = [\"ecommerce-manager\", \"developer\", \"digital-marketer\", \"customer-service\"]\nfte = 1.0\n";
    s.write("teams/shop.toml", unit);
    git(&["add", "."]);
    git(&["commit", "-qm", "org"]);
    std::fs::remove_file(s.path().join("teams/org.toml")).expect("rm");
    s.write(
        "teams/shop.toml",
        &unit.replace(
            "name = \"Shop\"\n",
            "name = \"Shop\"\ncatalog = \"small-team\"\n",
        ),
    );
    for (dir, path) in [("", "teams/shop.toml"), ("teams", "shop.toml")] {
        let out = teamplan()
            .current_dir(s.path().join(dir))
            .args(["diff", "--git", "HEAD", path, "--format", "json"])
            .output()
            .expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{path}: {err}");
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let teams = doc["teams"].as_array().expect("teams");
        assert!(
            teams
                .iter()
                .any(|t| t["status"] == "removed" && t["team"] == "Acme"),
            "{path}: the org is gone: {doc:#}"
        );
    }
}

/// A committed symlink is read at the revision as the file it leads to, as on disk.
#[test]
fn diff_with_git_reads_a_committed_symlink_as_its_target() {
    let s = Scratch::new();
    let git = crate::review::git_in(s.path());
    s.write(
        "shared/ops.toml",
        "[team]\nname = \"Ops\"\ncatalog = \"small-team\"\n\n[people.ana]\nroles = [\"ecommerce-manager\", \"developer\", \"digital-marketer\", \"customer-service\"]\n",
    );
    std::fs::create_dir_all(s.path().join("teams")).expect("mkdir");
    std::os::unix::fs::symlink("../shared/ops.toml", s.path().join("teams/ops.toml"))
        .expect("link");
    // A chain of links is followed to its file.
    std::os::unix::fs::symlink("ops.toml", s.path().join("teams/again.toml")).expect("link");
    git(&["add", "."]);
    git(&["commit", "-qm", "linked"]);
    let out = teamplan()
        .current_dir(s.path())
        .args(["diff", "--git", "HEAD", "teams", "--format", "json"])
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        doc["teams"].as_array().map(Vec::len),
        Some(0),
        "nothing changed: {doc:#}"
    );
}

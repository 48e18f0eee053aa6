//! What `check` reads: symlinks in a folder only to `*.toml` files inside the root, each
//! file once, unreadable folders and team-less folders as errors, and the exit code kept
//! when the reader of the output goes away.

use std::os::unix::fs::{PermissionsExt as _, symlink};
use std::process::{Command, Stdio};

use crate::support::{CLEAN_SMALL_TEAM, Scratch, check_json, teamplan};

fn repo() -> Scratch {
    let s = Scratch::new();
    std::fs::create_dir(s.path().join(".git")).expect(".git");
    std::fs::create_dir(s.path().join("teams")).expect("teams");
    s.write("teams/web.toml", CLEAN_SMALL_TEAM);
    s
}

#[test]
fn a_symlink_to_a_secret_is_refused_and_never_echoed() {
    let s = repo();
    s.write(".env", "AWS_SECRET=hunter2\n");
    symlink("../.env", s.path().join("teams/x.toml")).expect("symlink");
    let outside = Scratch::new();
    outside.write("other.toml", "[team]\nname = \"AWS_SECRET=elsewhere\"\n");
    symlink(outside.path(), s.path().join("teams/linked")).expect("symlink");
    for format in ["human", "json", "github", "markdown", "sarif"] {
        let out = teamplan()
            .args(["check", "-f", format])
            .arg(s.path().join("teams"))
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2), "{format}: {text}");
        assert!(
            !text.contains("AWS_SECRET"),
            "{format} echoes a secret:\n{text}"
        );
        assert!(text.contains("which is not a"), "{format}:\n{text}");
        assert!(text.contains("outside"), "{format}:\n{text}");
    }
}

#[test]
fn a_file_reached_twice_is_checked_once() {
    let s = repo();
    symlink("web.toml", s.path().join("teams/same.toml")).expect("symlink");
    let web = s.path().join("teams/web.toml");
    let (code, doc) = check_json(&[&s.path().join("teams"), &web, &web], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(doc["summary"]["teams"], 1, "{doc}");
    assert!(
        doc["findings"].as_array().expect("findings").is_empty(),
        "no duplicate-team: {doc}"
    );
}

#[test]
fn a_folder_with_no_team_file_fails_like_a_file_would() {
    let s = Scratch::new();
    s.write("notes/a.toml", "title = \"not a team\"\n");
    let (code, doc) = check_json(&[&s.path().join("notes")], &[]);
    assert_eq!(code, 2, "{doc}");
    assert_eq!(doc["findings"][0]["rule"], "parse-error", "{doc}");
    // Beside a team, the same file is only a warning.
    s.write("notes/team.toml", CLEAN_SMALL_TEAM);
    let (code, doc) = check_json(&[&s.path().join("notes")], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(doc["findings"][0]["rule"], "not-a-team-file", "{doc}");
}

#[test]
fn an_unreadable_folder_inside_a_checked_folder_is_an_error_in_every_format() {
    let s = repo();
    s.write("teams/locked/b.toml", CLEAN_SMALL_TEAM);
    let locked = s.path().join("teams/locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // Root reads any folder: run as `nobody` then, from a folder `nobody` may enter.
    let as_root = std::fs::read_dir(&locked).is_ok();
    if as_root {
        std::fs::set_permissions(s.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    for format in ["human", "json", "github", "markdown", "sarif"] {
        let mut cmd = if as_root {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(env!("CARGO_BIN_EXE_teamplan"));
            c
        } else {
            Command::new(env!("CARGO_BIN_EXE_teamplan"))
        };
        let out = cmd
            .env("NO_COLOR", "1")
            .args(["check", "-f", format])
            .arg(s.path().join("teams"))
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2), "{format}: {text}");
        assert!(text.contains("cannot read the folder"), "{format}:\n{text}");
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[test]
fn a_broken_pipe_keeps_the_exit_code_of_the_findings() {
    let s = Scratch::new();
    // Many teams, each with an error: far more output than a pipe holds.
    for i in 0..300 {
        s.write(
            &format!("t{i:03}.toml"),
            &format!("[team]\nname = \"T{i}\"\ncatalog = \"small-team\"\n"),
        );
    }
    let mut child = teamplan()
        .arg("check")
        .arg(s.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    // The reader goes away at once, as `| head -0` would.
    drop(child.stdout.take());
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(1), "the errors still fail the run");
}

#[test]
fn a_catalog_path_must_be_a_toml_file_inside_the_root() {
    let s = repo();
    s.write(".env", "AWS_SECRET=hunter2\n");
    let outside = Scratch::new();
    let far = outside.write("far.toml", "extends = \"b2b\"\n# AWS_SECRET=elsewhere\n");
    symlink(&far, s.path().join("teams/linked.toml")).expect("symlink");
    let far = far.to_string_lossy().into_owned();
    for (catalog, says) in [
        ("../.env", "does not end in .toml"),
        (far.as_str(), "leads outside"),
        ("linked.toml", "leads outside"),
        ("../../../../../../../../etc/passwd.toml", "not found"),
    ] {
        let team = CLEAN_SMALL_TEAM.replace(
            "catalog = \"small-team\"",
            &format!(
                "catalog = {}",
                serde_json::to_string(catalog).expect("json")
            ),
        );
        let file = s.write("teams/web.toml", &team);
        let out = teamplan().arg("check").arg(&file).output().expect("run");
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2), "{catalog}: {text}");
        assert!(text.contains(says), "{catalog}: {text}");
        assert!(
            !text.contains("AWS_SECRET"),
            "{catalog} echoes a secret: {text}"
        );
    }
    // With --root set to take the outside folder in, it loads.
    s.write(
        "teams/web.toml",
        &CLEAN_SMALL_TEAM.replace("catalog = \"small-team\"", "catalog = \"linked.toml\""),
    );
    let widened = outside.path().to_string_lossy().into_owned();
    let out = teamplan()
        .args(["--root", &widened, "check"])
        .arg(s.path().join("teams/web.toml"))
        .output()
        .expect("run");
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn outside_a_repository_the_root_is_the_folder_given() {
    let s = Scratch::new();
    s.write("teams/catalogs/shop.toml", "extends = \"small-team\"\n");
    s.write(
        "teams/web/web.toml",
        &CLEAN_SMALL_TEAM.replace(
            "catalog = \"small-team\"",
            "catalog = \"../catalogs/shop.toml\"",
        ),
    );
    let (code, doc) = check_json(&[&s.path().join("teams")], &[]);
    assert_eq!(code, 0, "inside teams/, the folder given: {doc}");
    let (code, doc) = check_json(&[&s.path().join("teams/web/web.toml")], &[]);
    assert_eq!(
        code, 2,
        "outside teams/web/, the folder of the file given: {doc}"
    );
}

#[test]
fn a_catalog_link_to_a_secret_and_a_linked_folder_outside_are_refused() {
    let s = repo();
    s.write(".env", "API_TOKEN=ghp_SECRET\n");
    symlink("../.env", s.path().join("teams/acme.toml")).expect("symlink");
    s.write(
        "teams/web.toml",
        &CLEAN_SMALL_TEAM.replace("catalog = \"small-team\"", "catalog = \"acme.toml\""),
    );
    let out = teamplan()
        .arg("check")
        .arg(s.path().join("teams/web.toml"))
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(!text.contains("ghp_SECRET"), "{text}");

    let outside = Scratch::new();
    outside.write("creds.toml", CLEAN_SMALL_TEAM);
    symlink(outside.path(), s.path().join("linked")).expect("symlink");
    let (code, doc) = check_json(&[&s.path().join("linked")], &[]);
    assert_eq!(code, 2, "{doc}");
    assert_eq!(
        doc["summary"]["teams"], 0,
        "nothing behind the link is read: {doc}"
    );
}

#[test]
fn a_folder_holding_only_a_catalog_fails() {
    let s = Scratch::new();
    s.write("b/cat.toml", "extends = \"small-team\"\n");
    let (code, doc) = check_json(&[&s.path().join("b")], &[]);
    assert_eq!(code, 2, "{doc}");
}

#[test]
fn exclude_globs_match_relative_to_the_folder_searched_and_unused_ones_are_said() {
    let s = repo();
    s.write("teams/drafts/wip.toml", "[team]\nname = \"WIP\"\n");
    let teams = s.path().join("teams");
    for command in ["check", "report"] {
        let out = teamplan()
            .arg(command)
            .arg(&teams)
            .args(["--exclude", "drafts/**"])
            .output()
            .expect("run");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{command}: the draft is skipped"
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("matched nothing"), "{command}: {err}");
    }
    let out = teamplan()
        .arg("check")
        .arg(&teams)
        .args(["--exclude", "draft/**"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2), "the broken draft is checked");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--exclude `draft/**` matched nothing"),
        "{err}"
    );
    let out = teamplan()
        .args(["diff"])
        .arg(&teams)
        .arg(&teams)
        .args(["--exclude", "drafts/**"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

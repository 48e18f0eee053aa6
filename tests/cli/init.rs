//! `teamplan init`: the scripted path with assert_cmd-style runs, and the wizard for real in a
//! pseudo-terminal.

use std::process::{Command, Stdio};

use crate::support::{Scratch, check_json, run, teamplan};

const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";

/// Press keys one at a time, as a person would: escape sequences sent together can be read
/// as one unknown key.
fn keys(p: &mut rexpect::session::PtySession, keys: &[&str]) {
    for k in keys {
        std::thread::sleep(std::time::Duration::from_millis(60));
        p.send(k).expect("send key");
        p.flush().expect("flush");
    }
}

#[test]
fn yes_writes_each_catalogs_template_and_it_checks_without_errors() {
    let s = Scratch::new();
    for catalog in ["b2b", "b2c", "d2c", "small-team"] {
        let path = s.path().join(format!("{catalog}.toml"));
        let out = teamplan()
            .args([
                "init",
                "--yes",
                "--catalog",
                catalog,
                "--name",
                "Quote \"Shop\" \\ Co",
            ])
            .arg(&path)
            .stdin(Stdio::null())
            .output()
            .expect("run");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let (code, doc) = check_json(&[&path], &[]);
        assert_eq!(code, 0, "{catalog}: {doc}");
        assert_eq!(doc["teams"][0]["name"], "Quote \"Shop\" \\ Co");
        assert_eq!(doc["teams"][0]["catalog"], catalog);
        assert_eq!(doc["summary"]["errors"], 0);
    }
}

#[test]
fn init_never_overwrites_without_force() {
    let s = Scratch::new();
    let path = s.write("team.toml", "precious = true\n");
    let out = teamplan()
        .args(["init", "--yes"])
        .arg(&path)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "precious = true\n"
    );
    let out = teamplan()
        .args(["init", "--yes", "--force"])
        .arg(&path)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains("[team]")
    );
}

#[test]
fn init_refuses_to_prompt_without_a_terminal() {
    let s = Scratch::new();
    let path = s.path().join("team.toml");
    let out = teamplan()
        .arg("init")
        .arg(&path)
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--yes"));
    assert!(!path.exists());
}

#[test]
fn init_rejects_an_unknown_catalog_with_a_suggestion() {
    let s = Scratch::new();
    let out = teamplan()
        .args(["init", "--yes", "--catalog", "b2x"])
        .arg(s.path().join("t.toml"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean"));
}

fn wizard(path: &std::path::Path) -> rexpect::session::PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_teamplan"));
    cmd.arg("init")
        .arg(path)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    rexpect::session::spawn_command(cmd, Some(20_000)).expect("spawn in a pty")
}

#[test]
fn the_wizard_builds_a_team_and_checks_it() {
    let s = Scratch::new();
    let path = s.path().join("team.toml");
    let mut p = wizard(&path);
    p.exp_string("Team name").expect("asks the name");
    p.send_line("Tiny Shop").expect("send");
    p.exp_string("small-team").expect("lists the catalogs");
    // The fourth catalog is small-team.
    keys(&mut p, &[DOWN, DOWN, DOWN, "\r"]);
    p.exp_string("Who is the eCommerce Manager (required)?")
        .expect("asks for the first role");
    keys(&mut p, &["\r"]);
    p.exp_string("Name").expect("asks the name");
    p.send_line("Maya Lind").expect("send");
    p.exp_string("Id").expect("asks the id");
    p.send_line("maya").expect("send");
    p.exp_string("Engagement").expect("asks the engagement");
    keys(&mut p, &["\r"]);
    p.exp_string("fte").expect("asks the fte");
    p.send_line("0.8").expect("send");
    // Each role question starts on "a new person", below the people so far.
    p.exp_string("Who is the Digital Marketer (required)?")
        .expect("next role");
    keys(&mut p, &["\r"]);
    p.exp_string("Name").expect("asks the name");
    p.send_line("Ines").expect("send");
    p.exp_string("Id").expect("id");
    keys(&mut p, &["\r"]);
    p.exp_string("Engagement").expect("engagement");
    keys(&mut p, &[DOWN, "\r"]);
    p.exp_string("fte").expect("fte");
    keys(&mut p, &["\r"]);
    p.exp_string("Who is the Web Designer/Developer (required)?")
        .expect("next role");
    keys(&mut p, &[DOWN, "\r"]);
    p.exp_string("Who is the Customer Service Representative (required)?")
        .expect("last role");
    keys(&mut p, &[UP, UP, "\r"]);
    p.exp_string("checked").expect("runs check");
    p.exp_eof().expect("exits");

    let text = std::fs::read_to_string(&path).expect("written");
    assert!(text.contains("name = \"Tiny Shop\""), "{text}");
    assert!(text.contains("[people.maya]\nname = \"Maya Lind\"\nroles = [\"ecommerce-manager\", \"customer-service-representative\"]\nfte = 0.8"), "{text}");
    assert!(text.contains("[people.ines]\nname = \"Ines\"\nroles = [\"digital-marketing-specialist\"]\nengagement = \"contractor\""), "{text}");
    assert!(
        text.contains("# Nobody holds these roles yet: web-developer"),
        "{text}"
    );
    let (code, doc) = check_json(&[&path], &[]);
    assert_eq!(code, 1, "the missing web developer is an error: {doc}");
    assert_eq!(doc["findings"][0]["rule"], "missing-role");
}

#[test]
fn ctrl_c_in_the_wizard_exits_130_and_leaves_no_file_every_time() {
    use rexpect::process::WaitStatus;
    // At a text prompt (the terminal in line mode: a signal) and at a list (raw mode: a key),
    // many times over: the outcome must not depend on when the key lands.
    for round in 0..8 {
        for at_list in [false, true] {
            let s = Scratch::new();
            let path = s.path().join("team.toml");
            let mut p = wizard(&path);
            p.exp_string("Team name").expect("asks the name");
            if at_list {
                p.send_line("Half done").expect("send");
                p.exp_string("Which kind of business?")
                    .expect("asks the catalog");
            }
            p.send_control('c').expect("ctrl-c");
            let rest = p.exp_eof().unwrap_or_default();
            if at_list {
                // The list hides the cursor; it is shown again.
                assert!(rest.contains("\u{1b}[?25h"), "cursor restored: {rest:?}");
            }
            let status = p.process().wait().expect("wait");
            assert!(
                matches!(status, WaitStatus::Exited(_, 130)),
                "round {round}, at the list: {at_list}: {status:?}"
            );
            assert!(!path.exists(), "no partial file");
            let leftovers = std::fs::read_dir(s.path()).expect("dir").count();
            assert_eq!(leftovers, 0, "no temporary file either");
        }
    }
}

#[test]
fn init_in_an_org_folder_writes_a_unit_and_checks_it_with_the_org() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path().join(".git")).expect("mkdir");
    s.write(
        "org/org.toml",
        "[org]\nname = \"Pine\"\ncatalog = \"small-team\"\n",
    );
    s.write(
        "org/lead.toml",
        "[team]\nname = \"Leadership\"\n\n[people.maya]\nroles = [\"ecommerce-manager\", \"web-developer\"]\n\n[people.ines]\nroles = [\"digital-marketing-specialist\", \"customer-service-representative\"]\n",
    );
    let path = s.path().join("org/finance.toml");
    let (code, out, err) = run(&[
        "init",
        "--yes",
        "--name",
        "Finance",
        path.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(text.contains("[team]\nname = \"Finance\"\n"), "{text}");
    assert!(
        !text.contains("catalog ="),
        "a unit takes the org's catalog: {text}"
    );
    assert!(
        out.contains("ok: 1 org of 2 teams (2 people) checked, no findings"),
        "checked with the org: {out}"
    );
}

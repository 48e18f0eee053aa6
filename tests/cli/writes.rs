//! The one write path: outputs never land on an input, symlinks lead only inside the root,
//! shared files are not replaced, devices and FIFOs are written to, new files get the umask,
//! and `init` creates its file exactly once.

use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _, symlink};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{CLEAN_SMALL_TEAM, Scratch, teamplan};

fn run_in(dir: &Path, args: &[&str]) -> Output {
    teamplan()
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run teamplan")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".teamplan-"))
        .collect()
}

/// A folder that is a repository root (it holds `.git`), with a team file in it.
fn repo() -> Scratch {
    let s = Scratch::new();
    std::fs::create_dir(s.path().join(".git")).expect(".git");
    s.write("team.toml", CLEAN_SMALL_TEAM);
    s
}

#[test]
fn an_output_onto_an_input_of_the_run_is_refused_untouched() {
    let s = repo();
    let out = run_in(s.path(), &["raci", "team.toml", "--output", "team.toml"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("an input of this run"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(s.path().join("team.toml")).expect("read"),
        CLEAN_SMALL_TEAM
    );
    // The same file under another name (a hard link) is still the input.
    std::fs::hard_link(s.path().join("team.toml"), s.path().join("alias.html")).expect("link");
    let out = run_in(s.path(), &["report", ".", "--output", "alias.html"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(s.path().join("team.toml")).expect("read"),
        CLEAN_SMALL_TEAM
    );
    assert!(leftovers(s.path()).is_empty());
}

#[test]
fn symlinked_targets_are_written_through_inside_the_root_and_refused_outside() {
    let s = repo();
    std::fs::create_dir(s.path().join("docs")).expect("docs");
    s.write(
        "README.md",
        "# Team\n\n<!-- teamplan:raci:begin -->\n<!-- teamplan:raci:end -->\n",
    );
    symlink("../README.md", s.path().join("docs/TEAM.md")).expect("symlink");
    let out = run_in(s.path(), &["raci", "team.toml", "--inject", "docs/TEAM.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let link = s.path().join("docs/TEAM.md");
    assert!(
        link.symlink_metadata()
            .expect("meta")
            .file_type()
            .is_symlink(),
        "still a link"
    );
    let readme = std::fs::read_to_string(s.path().join("README.md")).expect("read");
    assert!(
        readme.contains("| Maya |"),
        "written through the link: {readme}"
    );

    let outside = Scratch::new();
    let secret = outside.write("secret.txt", "keep me\n");
    symlink(&secret, s.path().join("out.md")).expect("symlink");
    let out = run_in(s.path(), &["raci", "team.toml", "--output", "out.md"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("outside"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&secret).expect("read"), "keep me\n");

    // A symlinked folder on the way to the target counts too.
    symlink(outside.path(), s.path().join("elsewhere")).expect("symlink");
    let out = run_in(
        s.path(),
        &["raci", "team.toml", "--output", "elsewhere/x.md"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!outside.path().join("x.md").exists());
    // ... unless --root says the outside folder is in bounds.
    let root = outside.path().to_string_lossy().into_owned();
    let out = run_in(
        s.path(),
        &[
            "--root",
            &root,
            "raci",
            "team.toml",
            "--output",
            "elsewhere/x.md",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn shared_files_are_refused_unless_forced_which_writes_in_place() {
    let s = repo();
    let target = s.write("matrix.md", "old\n");
    std::fs::hard_link(&target, s.path().join("other-name.md")).expect("link");
    let out = run_in(s.path(), &["raci", "team.toml", "--output", "matrix.md"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("2 hard links"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "old\n");
    let out = run_in(
        s.path(),
        &["raci", "team.toml", "--output", "matrix.md", "--force"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let other = std::fs::read_to_string(s.path().join("other-name.md")).expect("read");
    assert!(
        other.contains("Maya"),
        "both names see the new text: {other}"
    );
    assert_eq!(
        target.metadata().expect("meta").nlink(),
        2,
        "the links stay"
    );
}

#[test]
fn modes_are_kept_and_new_files_get_the_umask() {
    let s = repo();
    let kept = s.write("kept.md", "old\n");
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let out = run_in(s.path(), &["raci", "team.toml", "--output", "kept.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(kept.metadata().expect("meta").mode() & 0o777, 0o640);

    let bin = env!("CARGO_BIN_EXE_teamplan");
    for (umask, mode) in [("022", 0o644), ("077", 0o600)] {
        let name = format!("new-{umask}.md");
        let status = Command::new("sh")
            .current_dir(s.path())
            .arg("-c")
            .arg(format!(
                "umask {umask}; exec \"$0\" raci team.toml --output {name}"
            ))
            .arg(bin)
            .env("NO_COLOR", "1")
            .output()
            .expect("sh")
            .status;
        assert!(status.success());
        let got = s.path().join(&name).metadata().expect("meta").mode() & 0o777;
        assert_eq!(got, mode, "umask {umask}");
    }
    assert!(leftovers(s.path()).is_empty(), "{:?}", leftovers(s.path()));
}

#[test]
fn devices_and_fifos_are_written_to_never_replaced_and_never_hang() {
    let s = repo();
    let out = run_in(s.path(), &["raci", "team.toml", "--output", "/dev/null"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let null = Path::new("/dev/null").metadata().expect("meta");
    assert!(std::os::unix::fs::FileTypeExt::is_char_device(
        &null.file_type()
    ));

    let out = teamplan()
        .current_dir(s.path())
        .args([
            "raci",
            "team.toml",
            "--format",
            "csv",
            "--output",
            "/dev/stdout",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("area,activity,title,"));

    // `--output /dev/stdout > file`: the shell's file gets the text, nothing is renamed.
    let status = Command::new("sh")
        .current_dir(s.path())
        .arg("-c")
        .arg("exec \"$0\" raci team.toml -f csv --output /dev/stdout > out.csv")
        .arg(env!("CARGO_BIN_EXE_teamplan"))
        .output()
        .expect("sh")
        .status;
    assert!(status.success());
    let csv = std::fs::read_to_string(s.path().join("out.csv")).expect("read");
    assert!(csv.starts_with("area,activity,title,"), "{csv}");

    let fifo = s.path().join("pipe.md");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let started = Instant::now();
    let out = run_in(s.path(), &["raci", "team.toml", "--output", "pipe.md"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("FIFO nobody is reading"),
        "{}",
        stderr(&out)
    );
    assert!(started.elapsed() < Duration::from_secs(20), "no hang");
    assert!(fifo.metadata().expect("meta").file_type().is_fifo_like());
}

trait FifoLike {
    fn is_fifo_like(&self) -> bool;
}

impl FifoLike for std::fs::FileType {
    fn is_fifo_like(&self) -> bool {
        std::os::unix::fs::FileTypeExt::is_fifo(self)
    }
}

#[test]
fn parallel_inits_create_the_file_exactly_once() {
    let s = Scratch::new();
    let children: Vec<_> = (0..8)
        .map(|i| {
            teamplan()
                .current_dir(s.path())
                .args(["init", "--yes", "--name", &format!("Team {i}"), "team.toml"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn")
        })
        .collect();
    let codes: Vec<i32> = children
        .into_iter()
        .map(|c| {
            c.wait_with_output()
                .expect("wait")
                .status
                .code()
                .unwrap_or(-1)
        })
        .collect();
    assert_eq!(codes.iter().filter(|&&c| c == 0).count(), 1, "{codes:?}");
    assert!(codes.iter().all(|&c| c == 0 || c == 2), "{codes:?}");
    let text = std::fs::read_to_string(s.path().join("team.toml")).expect("read");
    assert_eq!(text.matches("[team]").count(), 1);
    assert!(leftovers(s.path()).is_empty(), "{:?}", leftovers(s.path()));
}

#[test]
fn init_does_not_follow_a_dangling_symlink_without_force() {
    let s = Scratch::new();
    let target = s.path().join("elsewhere.toml");
    symlink(&target, s.path().join("team.toml")).expect("symlink");
    let out = run_in(s.path(), &["init", "--yes", "team.toml"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!target.exists(), "nothing created where the link points");
    let out = run_in(s.path(), &["init", "--yes", "--force", "team.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !target.exists(),
        "--force replaces the link, never follows it"
    );
    let meta = s.path().join("team.toml").symlink_metadata().expect("meta");
    assert!(meta.file_type().is_file());
}

#[test]
fn nothing_outside_the_root_is_read_shown_or_written_through_a_link() {
    let s = repo();
    let outside = Scratch::new();
    let secret = outside.write("s.env", "DB_PASSWORD=hunter2\n");
    symlink(&secret, s.path().join("raci.md")).expect("symlink");
    // --check reads nothing it may not write.
    let out = run_in(
        s.path(),
        &["raci", "team.toml", "--output", "raci.md", "--check"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let shown = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert!(!shown.contains("hunter2"), "{shown}");
    // A committed link to a device outside the root is not written through.
    symlink("/dev/null", s.path().join("null.md")).expect("symlink");
    let out = run_in(s.path(), &["raci", "team.toml", "--output", "null.md"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    // A symlinked folder does not bring a root of its own.
    std::fs::create_dir(outside.path().join(".git")).expect(".git");
    outside.write("README.md", "victim\n");
    symlink(outside.path(), s.path().join("docs")).expect("symlink");
    let out = run_in(
        s.path(),
        &["raci", "team.toml", "--output", "docs/README.md"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(outside.path().join("README.md")).expect("read"),
        "victim\n"
    );
    // init makes no folder outside the root before it refuses.
    let out = run_in(s.path(), &["init", "--yes", "docs/a/b/team.toml"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!outside.path().join("a").exists(), "no folder made outside");
}

#[test]
fn a_teams_catalog_is_an_input_too() {
    let s = repo();
    s.write("acme.toml", "extends = \"small-team\"\n");
    s.write(
        "team.toml",
        &CLEAN_SMALL_TEAM.replace("catalog = \"small-team\"", "catalog = \"acme.toml\""),
    );
    for args in [
        &["raci", "team.toml", "--output", "acme.toml"][..],
        &["report", "team.toml", "--output", "acme.toml"][..],
        &["raci", "team.toml", "--inject", "team.toml"][..],
    ] {
        let out = run_in(s.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("an input of this run"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(
        std::fs::read_to_string(s.path().join("acme.toml")).expect("read"),
        "extends = \"small-team\"\n"
    );
}

#[test]
fn only_this_process_streams_are_written_as_streams() {
    let shm = Path::new("/dev/shm");
    if !shm.is_dir() {
        return;
    }
    let dir = tempfile::tempdir_in(shm).expect("temp dir in /dev/shm");
    std::fs::write(dir.path().join("team.toml"), CLEAN_SMALL_TEAM).expect("write");
    let team = dir.path().join("team.toml");
    let team = team.to_string_lossy();
    let out = run_in(dir.path(), &["raci", &team, "--output", &team]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("team.toml")).expect("read"),
        CLEAN_SMALL_TEAM
    );
}

#[test]
fn an_inject_keeps_a_byte_order_mark() {
    let s = repo();
    let page = s.write(
        "TEAM.md",
        "\u{feff}# Team\n<!-- teamplan:raci:begin -->\n<!-- teamplan:raci:end -->\n",
    );
    let out = run_in(s.path(), &["raci", "team.toml", "--inject", "TEAM.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&page).expect("read");
    assert!(text.starts_with("\u{feff}# Team\n"), "{text:?}");
    assert!(text.contains("| Maya |"), "{text}");
    let out = run_in(
        s.path(),
        &["raci", "team.toml", "--inject", "TEAM.md", "--check"],
    );
    assert_eq!(out.status.code(), Some(0), "fresh: {}", stderr(&out));
}

#[test]
fn a_path_given_on_the_command_line_may_lead_anywhere() {
    let s = repo();
    std::fs::create_dir(s.path().join("sub")).expect("sub");
    let outside = Scratch::new();
    let target = outside.path().join("x.md");
    // Written with `..` from inside the repository: the user's own choice, not a link's.
    let relative = pathdiff(&target, &s.path().join("sub"))
        .to_string_lossy()
        .into_owned();
    let out = run_in(
        &s.path().join("sub"),
        &["raci", "../team.toml", "--output", &relative],
    );
    assert_eq!(out.status.code(), Some(0), "{relative}: {}", stderr(&out));
    assert!(target.exists());
}

/// `to` relative to `from` (both absolute), with `..` steps.
fn pathdiff(to: &Path, from: &Path) -> std::path::PathBuf {
    let up = from.components().count() - 1; // every step below `/`
    let mut out = std::path::PathBuf::new();
    for _ in 0..up {
        out.push("..");
    }
    out.join(to.strip_prefix("/").expect("absolute"))
}

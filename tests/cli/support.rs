//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The built binary, run from the crate root with colour off.
pub fn teamplan() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_teamplan"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        // One day for every run, so that outputs (JSON records the day) do not age.
        .env("TEAMPLAN_AT", "2026-06-01")
        .env("COLUMNS", "100");
    cmd
}

/// Run teamplan with `args`: exit code (-1 when killed), stdout and stderr.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = teamplan().args(args).output().expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A temporary folder for files a test writes.
pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, text).expect("write");
        path
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// Run `check --format json` on paths: (exit code, document).
pub fn check_json(paths: &[&Path], extra: &[&str]) -> (i32, Value) {
    let out = teamplan()
        .arg("check")
        .args(paths)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .expect("run teamplan");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap_or(-1), doc)
}

/// The rule names of the findings in a check document.
pub fn rules(doc: &Value) -> Vec<String> {
    doc["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| f["rule"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The findings of one rule.
pub fn findings_of<'a>(doc: &'a Value, rule: &str) -> Vec<&'a Value> {
    doc["findings"]
        .as_array()
        .map(|a| a.iter().filter(|f| f["rule"] == rule).collect())
        .unwrap_or_default()
}

/// The clean four-person team of the small-team catalog, for tests to break one way.
pub const CLEAN_SMALL_TEAM: &str = r#"[team]
name = "Clean"
catalog = "small-team"

[people.maya]
name = "Maya"
roles = ["ecommerce-manager"]

[people.tom]
name = "Tom"
roles = ["web-developer"]

[people.ines]
name = "Ines"
roles = ["digital-marketing-specialist"]

[people.sam]
name = "Sam"
roles = ["customer-service-representative"]
"#;

/// Normalize a path-bearing text for snapshots: the scratch dir becomes `[DIR]`.
pub fn redact(text: &str, dir: &Path) -> String {
    text.replace(&dir.display().to_string(), "[DIR]")
}

/// Output with the renderer's own colour codes (`ESC [ ... m`) taken out: anything left
/// that looks like an escape came from the input.
pub fn strip_sgr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("\u{1b}[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let end = after.find(|c: char| !(c.is_ascii_digit() || c == ';'));
        match end {
            Some(e) if after[e..].starts_with('m') => rest = &after[e + 1..],
            _ => {
                out.push_str("\u{1b}[");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Run teamplan with `args` in a real terminal of `cols` columns (no `COLUMNS` in the
/// environment, as shells rarely export it) and return what it printed.
pub fn in_terminal(cols: u16, args: &str) -> String {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "stty cols {cols} rows 200 && exec {} {args}",
            env!("CARGO_BIN_EXE_teamplan")
        ))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env_remove("COLUMNS");
    let mut p = rexpect::session::spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    // rexpect hands back each byte as a char; put the UTF-8 back together.
    let bytes: Vec<u8> = p
        .exp_eof()
        .expect("runs to the end")
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

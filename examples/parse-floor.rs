//! The floor for `teamplan check`: read the same files and deserialize each with
//! `toml::from_str` into plain typed structs. No spans, no catalog, no rules, no report.
//!
//! ```sh
//! cargo run --release --example parse-floor -- teams/   # files or folders (recursive *.toml)
//! ```
//!
//! Files are found like `check` finds them (sorted, hidden folders skipped) and every parsed
//! file is kept until the end, as `check` keeps them for the cross-team rules.

use std::collections::HashMap;
use std::path::PathBuf;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct TeamFile {
    /// A team file has `[team]`; an org file `[org]` instead.
    team: Option<Team>,
    org: Option<Team>,
    #[serde(default)]
    people: HashMap<String, Person>,
    #[serde(default)]
    raci: HashMap<String, Raci>,
    #[serde(default)]
    rules: HashMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Team {
    name: String,
    /// A unit of an org may leave it out.
    catalog: Option<String>,
    description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Person {
    name: Option<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    leads: Vec<String>,
    fte: Option<f64>,
    engagement: Option<String>,
    email: Option<String>,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Raci {
    accountable: Option<String>,
    #[serde(default)]
    responsible: Vec<String>,
    #[serde(default)]
    consulted: Vec<String>,
    #[serde(default)]
    informed: Vec<String>,
}

fn main() -> std::process::ExitCode {
    let mut files: Vec<PathBuf> = Vec::new();
    for arg in std::env::args_os().skip(1) {
        let root = PathBuf::from(arg);
        if !root.is_dir() {
            files.push(root);
            continue;
        }
        let walker = walkdir::WalkDir::new(&root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker.flatten() {
            if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "toml")
            {
                files.push(entry.into_path());
            }
        }
    }
    let mut teams = Vec::with_capacity(files.len());
    let mut failed = 0;
    for path in &files {
        let parsed = std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| toml::from_str::<TeamFile>(&text).map_err(|e| e.to_string()));
        match parsed {
            Ok(team) => teams.push(team),
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                failed += 1;
            }
        }
    }
    let people: usize = teams.iter().map(|t| t.people.len()).sum();
    println!(
        "{} files, {people} memberships, {failed} failed",
        teams.len()
    );
    // Like `teamplan check`, leave the freeing to the end of the process.
    std::mem::forget(teams);
    if failed > 0 {
        std::process::ExitCode::FAILURE
    } else {
        std::process::ExitCode::SUCCESS
    }
}

//! `teamplan check PATH...`: load every file, run every rule, report, pick the exit code.

use std::collections::{BTreeSet, HashMap};

use anyhow::Result;

use crate::catalog::CatalogStore;
use crate::cli::{CheckArgs, CheckFormat};
use crate::discover;
use crate::finding::Finding;
use crate::report::{self, Outcome, TeamSummary};
use crate::resolve::Resolved;
use crate::rules::{self, LevelOverrides, LintLevel, Rule, Severity};
use crate::team::{self, LoadOptions, Loaded, Team};

/// Check the given paths and collect everything found.
///
/// # Errors
/// Only for a bad `--exclude` glob; unreadable files become findings.
pub fn collect(args: &CheckArgs) -> Result<Outcome> {
    let exclude = discover::exclude_set(&args.exclude)?;
    let found = discover::discover(&args.paths, &exclude);
    let options = LoadOptions {
        max_file_size: args.max_file_size,
    };
    let mut store = CatalogStore::default();
    let mut outcome = Outcome {
        notes: found.skipped,
        ..Outcome::default()
    };
    let mut teams: Vec<Team> = Vec::new();
    let mut findings: Vec<Finding> = Vec::new();
    for candidate in &found.files {
        match team::load_path(&candidate.path, &mut store, options) {
            Ok(Loaded::Team(t)) => teams.push(*t),
            Ok(Loaded::Catalog(_)) => {}
            Ok(Loaded::Other) => {
                let file = candidate.path.display().to_string();
                let message = format!("{file} has no [team] table, so it is not a team file");
                if candidate.explicit {
                    findings.push(Finding::without_source(
                        Rule::ParseError,
                        file,
                        message,
                        "add a [team] table with `name` and `catalog`",
                    ));
                } else {
                    let mut f = Finding::without_source(
                        Rule::NotATeamFile,
                        file,
                        message,
                        "add a [team] table, or skip the file with --exclude GLOB",
                    );
                    f.level = Severity::Warning;
                    findings.push(f);
                }
            }
            Err(mut errors) => findings.append(&mut errors),
        }
    }

    for team in &teams {
        let resolved = Resolved::new(team);
        findings.extend(rules::check_team(&resolved));
    }
    let team_refs: Vec<&Team> = teams.iter().collect();
    findings.extend(rules::check_org(&team_refs));

    let mut levels = LevelOverrides::default();
    for (rules, level) in [
        (&args.allow, LintLevel::Allow),
        (&args.warn, LintLevel::Warn),
        (&args.deny, LintLevel::Deny),
    ] {
        for &rule in rules {
            levels.set(rule, level);
        }
    }
    let file_levels: HashMap<String, Vec<(Rule, LintLevel)>> = teams
        .iter()
        .map(|t| (t.source.path().display().to_string(), t.levels.clone()))
        .collect();
    let mut findings = levels.apply(findings, &file_levels);

    // Findings in file order (as discovered), then by position.
    let order: HashMap<String, usize> = found
        .files
        .iter()
        .enumerate()
        .map(|(i, c)| (c.path.display().to_string(), i))
        .collect();
    findings.sort_by(|a, b| {
        let fa = order.get(&a.file).copied().unwrap_or(usize::MAX);
        let fb = order.get(&b.file).copied().unwrap_or(usize::MAX);
        (fa, a.line, a.column, a.rule).cmp(&(fb, b.line, b.column, b.rule))
    });
    outcome.findings = findings;
    outcome.people = teams
        .iter()
        .flat_map(|t| t.people.iter().map(|p| p.id.as_str()))
        .collect::<BTreeSet<_>>()
        .len();
    outcome.teams = teams
        .iter()
        .map(|t| TeamSummary {
            name: t.name.clone(),
            file: t.source.path().display().to_string(),
            catalog: t.catalog.id.clone(),
        })
        .collect();
    Ok(outcome)
}

/// Run `check`: print the report and return the exit code.
///
/// # Errors
/// Writing to stdout failed, or a bad `--exclude` glob.
pub fn run(args: &CheckArgs, quiet: bool, out: &mut dyn std::io::Write) -> Result<u8> {
    let outcome = collect(args)?;
    let text = match args.format {
        CheckFormat::Human => report::human::render(&outcome, quiet),
        CheckFormat::Json => report::json::render(&outcome),
        CheckFormat::Github => report::github::render(&outcome),
        CheckFormat::Markdown => report::markdown::render(&outcome),
        CheckFormat::Sarif => report::sarif::render(&outcome),
    };
    out.write_all(text.as_bytes())?;
    Ok(exit_code(&outcome, args.strict))
}

/// 2 when input was unreadable, 1 on errors (or warnings under `--strict`), else 0.
#[must_use]
pub fn exit_code(outcome: &Outcome, strict: bool) -> u8 {
    let summary = outcome.summary();
    if outcome.unreadable() {
        2
    } else {
        u8::from(summary.errors > 0 || (strict && summary.warnings > 0))
    }
}

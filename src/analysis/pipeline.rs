//! Load, resolve and check a set of files together: the one analysis every command runs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::index::people_in_several_teams;
use super::levels::LevelOverrides;
use crate::catalog::CatalogStore;
use crate::diag::finding::Finding;
use crate::diag::rule::{LintLevel, Rule, Severity};
use crate::diag::source::SourceFile;
use crate::input::discover::{self, Refusal};
use crate::input::root::Root;
use crate::resolve::Resolved;
use crate::rules;
use crate::team::{self, LoadOptions, Loaded, Team};

/// A file to analyze: read from disk, or text already in memory (a git revision).
#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    pub source: Option<Arc<SourceFile>>,
    /// Named by the user rather than found in a folder.
    pub explicit: bool,
    /// Which of the paths given it was found under.
    pub given: usize,
    /// Why it is not read, when the search refused it.
    pub refused: Option<Refusal>,
    /// Where paths in the file may lead: the root of the path given that found it.
    pub root: Option<PathBuf>,
}

impl Input {
    /// A file on disk that the user named.
    #[must_use]
    pub fn explicit(path: PathBuf) -> Self {
        Self {
            path,
            source: None,
            explicit: true,
            given: 0,
            refused: None,
            root: None,
        }
    }
}

/// Every team that loaded and every finding, levels applied, in file order.
#[derive(Debug, Default)]
pub struct Analysis {
    pub teams: Vec<Team>,
    pub findings: Vec<Finding>,
}

/// What [`analyze`] keeps of each team once the team's own rules have run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// The whole team, for commands that show teams (`diff`, `report`).
    Teams,
    /// Who is in which team at what fte: all the cross-team rules and the summary need.
    /// Role lists and RACI overrides are dropped as each file is done, which keeps the
    /// memory of a big org down.
    Membership,
}

/// Load, resolve and check a set of files together.
#[must_use]
pub fn analyze(
    inputs: &[Input],
    options: LoadOptions<'_>,
    levels: &LevelOverrides,
    keep: Keep,
) -> Analysis {
    let mut teams: Vec<Team> = Vec::new();
    let mut findings: Vec<Finding> = Vec::new();
    let loaded = load_all(inputs, options, keep);
    // A folder given whose `*.toml` files hold no team is an error, as a file would be.
    let with_teams: std::collections::HashSet<usize> = inputs
        .iter()
        .zip(&loaded)
        .filter(|(_, l)| matches!(l, Ok((Loaded::Team(_), _))))
        .map(|(i, _)| i.given)
        .collect();
    let mut lone = std::collections::HashSet::new();
    for (input, loaded) in inputs.iter().zip(loaded) {
        match loaded {
            Ok((Loaded::Team(t), mut team_findings)) => {
                teams.push(*t);
                findings.append(&mut team_findings);
            }
            Ok((Loaded::Catalog(_), _)) => {
                // A folder whose only files are catalogs checks no team: that must fail.
                if !input.explicit && !with_teams.contains(&input.given) && lone.insert(input.given)
                {
                    findings.push(Finding::without_source(
                        Rule::ParseError,
                        input.path.display().to_string(),
                        format!(
                            "{} is a catalog file, and its folder holds no team file: nothing was checked",
                            input.path.display()
                        ),
                        "add the team files, or check the folder that holds them",
                    ));
                }
            }
            Ok((Loaded::Other, _)) => {
                findings.push(not_a_team(input, !with_teams.contains(&input.given)));
            }
            Err(mut errors) => findings.append(&mut errors),
        }
    }
    // A catalog file in a checked folder is also loaded by the teams that name it: its
    // problems are said once.
    let mut said = std::collections::HashSet::new();
    findings.retain(|f| {
        !f.rule.is_unreadable()
            || said.insert((f.file.clone(), f.line, f.column, f.rule, f.message.clone()))
    });
    let team_refs: Vec<&Team> = teams.iter().collect();
    findings.extend(rules::check_org(
        &team_refs,
        &people_in_several_teams(&team_refs),
    ));

    let file_levels: HashMap<String, Vec<(Rule, LintLevel)>> = teams
        .iter()
        .map(|t| (t.source.path().display().to_string(), t.levels.clone()))
        .collect();
    let mut findings = levels.apply(findings, &file_levels);

    // Findings in file order (as given); in a file, causes before consequences (what the
    // text says wrong, then what it means for the team), each by position.
    let order: HashMap<String, usize> = inputs
        .iter()
        .enumerate()
        .map(|(i, c)| (c.path.display().to_string(), i))
        .collect();
    findings.sort_by_cached_key(|f| {
        (
            order.get(&f.file).copied().unwrap_or(usize::MAX),
            !f.rule.is_about_the_text(),
            f.line,
            f.column,
            f.rule,
        )
    });
    Analysis { teams, findings }
}

impl Analysis {
    /// The first finding that says a file could not be read at all, if any.
    #[must_use]
    pub fn unreadable(&self) -> Option<&Finding> {
        self.findings.iter().find(|f| f.rule.is_unreadable())
    }
}

type LoadResult = Result<(Loaded, Vec<Finding>), Vec<Finding>>;

/// Load, resolve and check every file on as many threads as pay off (the built-in catalogs
/// are shared, custom catalog files cached per thread); the results keep the order of
/// `inputs`.
fn load_all(inputs: &[Input], options: LoadOptions<'_>, keep: Keep) -> Vec<LoadResult> {
    // Dropping what a file no longer needs pays when later files reuse the memory.
    let slim = keep == Keep::Membership && inputs.len() > 1;
    let load_part = |part: &[Input]| -> Vec<LoadResult> {
        let mut store = CatalogStore::default();
        part.iter()
            .map(|input| {
                if let Some(refusal) = &input.refused {
                    return Err(vec![Finding::without_source(
                        Rule::ParseError,
                        input.path.display().to_string(),
                        refusal.message.clone(),
                        refusal.help,
                    )]);
                }
                let options = LoadOptions {
                    root: options.root.or(input.root.as_deref()),
                    ..options
                };
                let loaded = match &input.source {
                    Some(source) => team::load_source(source, &mut store, options),
                    None => team::load_path(&input.path, &mut store, options),
                };
                loaded.map(|mut loaded| {
                    let findings = match &mut loaded {
                        Loaded::Team(t) => {
                            let findings = rules::check_team(&Resolved::new(t));
                            if slim {
                                t.drop_assignments();
                            }
                            findings
                        }
                        _ => Vec::new(),
                    };
                    (loaded, findings)
                })
            })
            .collect()
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(inputs.len() / 16)
        .max(1);
    if threads == 1 {
        return load_part(inputs);
    }
    let chunk = inputs.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = inputs
            .chunks(chunk)
            .map(|part| s.spawn(move || load_part(part)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// A file that is not a team file: an error when the user named it or when its folder
/// holds no team at all, else a warning.
fn not_a_team(input: &Input, alone: bool) -> Finding {
    let file = input.path.display().to_string();
    let message = format!("{file} has no [team] table, so it is not a team file");
    if input.explicit || alone {
        Finding::without_source(
            Rule::ParseError,
            file,
            message,
            "add a [team] table with `name` and `catalog`",
        )
    } else {
        let mut f = Finding::without_source(
            Rule::NotATeamFile,
            file,
            message,
            "add a [team] table, or skip the file with --exclude GLOB",
        );
        f.level = Severity::Warning;
        f
    }
}

/// The files under `paths` (see [`discover::discover`]) as inputs read from disk, and notes
/// about what the search had to skip.
#[must_use]
pub fn find_inputs(
    paths: &[PathBuf],
    exclude: &discover::Exclude,
    root: Option<&Path>,
) -> (Vec<Input>, Vec<String>) {
    let found = discover::discover(paths, exclude, root);
    let roots: Vec<PathBuf> = paths
        .iter()
        .map(|p| Root::for_path(p, root).dir().to_path_buf())
        .collect();
    let inputs = found
        .files
        .into_iter()
        .map(|c| Input {
            path: c.path,
            source: None,
            explicit: c.explicit,
            given: c.given,
            refused: c.refused,
            root: roots.get(c.given).cloned(),
        })
        .collect();
    (inputs, found.skipped)
}

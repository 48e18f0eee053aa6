//! Load, resolve and check a set of files together: the one analysis every command runs.

use std::collections::HashMap;
use std::sync::Arc;

use super::index::people_in_several_teams;
use super::inputs::Input;
use super::levels::LevelOverrides;
use super::orgs::Orgs;
use super::parallel::in_parallel;
use crate::catalog::{Catalog, CatalogStore};
use crate::diag::finding::Finding;
use crate::diag::rule::{LintLevel, Rule, Severity};
use crate::diag::source::SourceFile;
use crate::input::read_source;
use crate::input::root::lexical;
use crate::resolve::Resolved;
use crate::rules;
use crate::team::{self, LoadOptions, Loaded, Team};

/// Every team that loaded and every finding, levels applied, in file order.
#[derive(Debug, Default)]
pub struct Analysis {
    pub teams: Vec<Team>,
    pub findings: Vec<Finding>,
    /// Findings in files of an org that no path given holds, left out (a note says so).
    pub elsewhere: usize,
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
///
/// Each file is read first, so that the org files among them are known before any is
/// loaded: a team file in an org's folder is a unit of it, loaded with the org's catalog
/// and checked as part of the org (see [`super::orgs`]); every other team is checked alone.
#[must_use]
pub fn analyze(
    inputs: &[Input],
    options: LoadOptions<'_>,
    levels: &LevelOverrides,
    keep: Keep,
) -> Analysis {
    let texts = read_all(inputs, options.max_file_size);
    let (mut orgs, texts, kept) = Orgs::of_run(inputs, texts);
    let inputs = kept.as_deref().unwrap_or(inputs);
    let mut findings = std::mem::take(&mut orgs.problems);
    let loaded = load_all(inputs, texts, &mut orgs, options, keep);
    // A folder given whose `*.toml` files hold no team is an error, as a file would be.
    let with_teams: std::collections::HashSet<usize> = inputs
        .iter()
        .zip(&loaded)
        .filter(|(_, l)| matches!(l, Ok((Loaded::Team(_) | Loaded::Org(_), _))))
        .map(|(i, _)| i.given)
        .collect();
    // Room for every file's findings at once: growing a list of many findings would hold
    // it twice for a moment.
    findings.reserve(
        loaded
            .iter()
            .map(|l| l.as_ref().map_or_else(Vec::len, |(_, f)| f.len()))
            .sum(),
    );
    let mut lone = std::collections::HashSet::new();
    let mut teams: Vec<(usize, Team)> = Vec::new();
    let mut units: Vec<(usize, Team)> = Vec::new();
    for (i, (input, loaded)) in inputs.iter().zip(loaded).enumerate() {
        match loaded {
            Ok((Loaded::Team(t), mut team_findings)) => {
                findings.append(&mut team_findings);
                if orgs.org_of[i].is_some() {
                    units.push((i, *t));
                } else {
                    teams.push((i, *t));
                }
            }
            Ok((Loaded::Org(t), _)) => orgs.loaded(i, *t),
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
    // Across the teams checked together: a person of several units (or teams) is one person.
    // Units in path order, whichever path inside their org was given.
    units.sort_by_cached_key(|(_, u)| lexical(u.source.path()));
    let leaves: Vec<&Team> = teams.iter().chain(&units).map(|(_, t)| t).collect();
    let scoped: Vec<(&Team, Option<usize>)> = teams
        .iter()
        .map(|(_, t)| (t, None))
        .chain(units.iter().map(|(i, t)| (t, orgs.org_of[*i])))
        .collect();
    findings.extend(rules::check_org(&scoped, &people_in_several_teams(&leaves)));

    // Only files with a `[rules]` table: the others take the defaults (most files of a big
    // org have none, and an entry per file is memory for nothing).
    let mut file_levels: HashMap<String, Vec<(Rule, LintLevel)>> = teams
        .iter()
        .filter(|(_, t)| !t.levels.is_empty())
        .map(|(_, t)| (t.source.path().display().to_string(), t.levels.clone()))
        .collect();
    let merged = orgs.merge(units);
    let last = merged.len().saturating_sub(1);
    for (n, (i, mut org)) in merged.into_iter().enumerate() {
        findings.extend(rules::check_team(&Resolved::new(&org)));
        file_levels.extend(org_levels(&org));
        // What one org frees, the next can use; after the last, only the report is made.
        if keep == Keep::Membership && n < last {
            org.drop_assignments();
        }
        teams.push((i, org));
    }
    super::place::place(&mut findings);
    teams.sort_by_key(|(i, _)| *i);
    let teams: Vec<Team> = teams.into_iter().map(|(_, t)| t).collect();
    name_units(&teams, &mut findings);
    let mut findings = levels.apply(findings, &file_levels);
    // Of the files loaded only because the org of a path given holds them, only what is in
    // the org file is said.
    let quiet: std::collections::HashSet<String> = inputs
        .iter()
        .enumerate()
        .filter(|(i, input)| !input.reported && !orgs.is_org[*i])
        .map(|(_, input)| input.path.display().to_string())
        .collect();
    // A finding between files (a person in two units) is the org's, wherever it points;
    // and a unit that cannot be read leaves the org's rules short of its people, so its
    // error is said whichever path was given.
    let before = findings.len();
    findings.retain(|f| {
        !quiet.contains(&f.file)
            || f.rule == Rule::ParseError
            || f.rule.is_unreadable()
            || matches!(
                f.rule,
                Rule::OverAllocated
                    | Rule::InconsistentPerson
                    | Rule::DuplicateTeam
                    | Rule::DuplicateOverride
            )
    });
    let elsewhere = before - findings.len();

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
    Analysis {
        teams,
        findings,
        elsewhere,
    }
}

/// The levels of an org's files: the org's `[rules]` in the org file; in a unit's file, the
/// unit's `[rules]` over the org's.
fn org_levels(org: &Team) -> Vec<(String, Vec<(Rule, LintLevel)>)> {
    let mut out = vec![(org.source.path().display().to_string(), org.levels.clone())];
    for unit in org.org.iter().flat_map(|o| &o.units) {
        let mut levels = org.levels.clone();
        levels.extend(unit.levels.iter().copied());
        out.push((unit.source.path().display().to_string(), levels));
    }
    out.retain(|(_, levels)| !levels.is_empty());
    out
}

/// A finding in a unit's file names the org as its team and the unit as its unit, whichever
/// rule (or the loader) made it.
fn name_units(teams: &[Team], findings: &mut [Finding]) {
    let mut of_file: HashMap<String, (&str, &str)> = HashMap::new();
    for team in teams.iter().filter(|t| t.is_org()) {
        for unit in team.org.iter().flat_map(|o| &o.units) {
            of_file.insert(
                unit.source.path().display().to_string(),
                (team.name.as_str(), unit.name.as_str()),
            );
        }
    }
    if of_file.is_empty() {
        return;
    }
    for f in findings {
        if let Some((org, unit)) = of_file.get(&f.file) {
            (*org).clone_into(&mut f.team);
            f.unit = Some((*unit).to_owned());
        }
    }
}

impl Analysis {
    /// The first finding that says a file could not be read at all, if any.
    #[must_use]
    pub fn unreadable(&self) -> Option<&Finding> {
        self.findings.iter().find(|f| f.rule.is_unreadable())
    }
}

type LoadResult = Result<(Loaded, Vec<Finding>), Vec<Finding>>;

/// Each input's text: given, or read from disk (bounded), or why not.
fn read_all(inputs: &[Input], max_file_size: u64) -> Vec<Result<Arc<SourceFile>, Box<Finding>>> {
    in_parallel(
        inputs,
        || (),
        |(), input| {
            if let Some(refusal) = &input.refused {
                return Err(Box::new(Finding::without_source(
                    Rule::ParseError,
                    input.path.display().to_string(),
                    refusal.message.clone(),
                    refusal.help,
                )));
            }
            match &input.source {
                Some(source) => Ok(Arc::clone(source)),
                None => read_source(&input.path, max_file_size),
            }
        },
    )
}

/// Load, resolve and check every file on as many threads as pay off (the built-in catalogs
/// are shared, custom catalog files cached per thread); the results keep the order of
/// `inputs`. The org files are loaded first, their units with the org's catalog; a unit is
/// checked later, as part of its org.
fn load_all(
    inputs: &[Input],
    texts: Vec<Result<Arc<SourceFile>, Box<Finding>>>,
    orgs: &mut Orgs,
    options: LoadOptions<'_>,
    keep: Keep,
) -> Vec<LoadResult> {
    // Dropping what a file no longer needs pays when later files reuse the memory.
    let slim = keep == Keep::Membership && inputs.len() > 1;
    // Each text is let go once its file is loaded (its team keeps what it needs): the
    // files of a big org are never all in memory at once with their teams.
    let texts: Vec<std::sync::Mutex<Result<Arc<SourceFile>, Box<Finding>>>> =
        texts.into_iter().map(std::sync::Mutex::new).collect();
    let load = |store: &mut CatalogStore, i: usize, org_catalog: Option<&Arc<Catalog>>| {
        let input = &inputs[i];
        let source = {
            let mut slot = texts[i]
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let source = slot
                .as_ref()
                .map(Arc::clone)
                .map_err(|f| vec![(**f).clone()])?;
            if org_catalog.is_some() {
                // A unit is loaded once: nothing else reads its text from here.
                *slot = Ok(Arc::new(SourceFile::new(source.path(), String::new())));
            }
            source
        };
        let options = LoadOptions {
            root: options.root.or(input.root.as_deref()),
            org_catalog,
            ..options
        };
        team::load_source(&source, store, options)
    };
    let mut store = CatalogStore::default();
    let mut results: Vec<Option<LoadResult>> = (0..inputs.len())
        .map(|i| {
            orgs.is_org[i].then(|| load(&mut store, i, None).map(|loaded| (loaded, Vec::new())))
        })
        .collect();
    // A file that looked like an org and is none (the parser reads its `[org]` line as
    // something else) is loaded and checked like any file, and so are the files around it:
    // they are no org's units.
    for (o, result) in results.iter_mut().enumerate() {
        if orgs.is_org[o] && !matches!(result, Some(Ok((Loaded::Org(_), _)) | Err(_))) {
            orgs.is_org[o] = false;
            *result = None;
            for unit_of in &mut orgs.org_of {
                if *unit_of == Some(o) {
                    *unit_of = None;
                }
            }
        }
    }
    let org_catalogs: Vec<Option<Arc<Catalog>>> = results
        .iter()
        .map(|r| match r {
            Some(Ok((Loaded::Org(t), _))) => Some(Arc::clone(&t.catalog)),
            _ => None,
        })
        .collect();
    let indices: Vec<usize> = (0..inputs.len()).filter(|&i| !orgs.is_org[i]).collect();
    let rest = in_parallel(&indices, CatalogStore::default, |store, &i| {
        let unit_of = orgs.org_of[i];
        let org_catalog = unit_of.and_then(|o| org_catalogs[o].as_ref());
        if unit_of.is_some() && org_catalog.is_none() {
            // The org did not load: its error is said, and its units wait for it (they are
            // not "no team file", and say nothing of their own).
            return Err(Vec::new());
        }
        load(store, i, org_catalog).map(|mut loaded| {
            let findings = match &mut loaded {
                Loaded::Team(t) if unit_of.is_none() => {
                    let mut findings = rules::check_team(&Resolved::new(t));
                    // Kept until every file is loaded: no room for findings never made.
                    findings.shrink_to_fit();
                    if slim {
                        t.drop_assignments();
                    }
                    findings
                }
                // A unit's text is read again only if a finding of its org points into it.
                Loaded::Team(t) if slim && inputs[i].source.is_none() => {
                    t.source = Arc::new(t.source.release(options.max_file_size));
                    Vec::new()
                }
                _ => Vec::new(),
            };
            (loaded, findings)
        })
    });
    for (i, result) in indices.into_iter().zip(rest) {
        results[i] = Some(result);
    }
    results
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Ok((Loaded::Other, Vec::new()))))
        .collect()
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

//! `check --fix`: the fixes with one safe answer, and their edits to a file's text.
//!
//! A misspelt key or catalog id gets its fix where it is found (the candidates are few); a
//! misspelt role, person or activity gets it here, after the analysis, from the team it is
//! in (a big org has many people to compare with, so this runs only when asked).

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use super::edit::{Outcome, apply};
use super::inputs::Input;
use super::levels::LevelOverrides;
use super::pipeline::{Analysis, Keep, analyze};
use crate::diag::suggest::{Budget, fix_candidates};
use crate::diag::{Finding, Fix, FixPass, Position, Rule, SourceFile};
use crate::input::read::text_source;
use crate::team::{LoadOptions, Team};

/// One fix as reports show it: where, what, and whether it was made.
#[derive(Debug, Clone, serde::Serialize, PartialEq, Eq)]
pub struct Record {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub from: String,
    /// The name made of it, or the close names when there are several.
    pub to: Vec<String>,
    pub fixed: bool,
    /// Why it was not made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
}

impl FixedFile {
    /// Each fix of the file as reports show it.
    #[must_use]
    pub fn records(&self) -> Vec<Record> {
        self.fixes
            .iter()
            .map(|(at, o)| Record {
                file: self.before.path().display().to_string(),
                line: at.line,
                column: at.column,
                from: o.fix.from.clone(),
                to: o.fix.to.clone(),
                fixed: o.skipped.is_none(),
                reason: o.skipped,
            })
            .collect()
    }
}

/// A file `--fix` changed, or tried to.
#[derive(Debug)]
pub struct FixedFile {
    pub path: PathBuf,
    /// The text as read.
    pub before: Arc<SourceFile>,
    /// The text with every fix made.
    pub after: String,
    /// Each fix, at its place in the text of its pass.
    pub fixes: Vec<(Position, Outcome)>,
}

/// Fix `inputs` in passes — keys, then the catalog, then ids — checking them again after
/// each: a misspelt key hides what is under it, and ids are known only once the
/// catalog is.
/// Returns the inputs as they read now (nothing is written) and the files changed.
#[must_use]
pub fn passes(
    inputs: &[Input],
    options: LoadOptions<'_>,
    levels: &LevelOverrides,
) -> (Vec<Input>, Vec<FixedFile>) {
    let mut inputs = inputs.to_vec();
    let mut files: Vec<FixedFile> = Vec::new();
    for pass in [FixPass::Key, FixPass::Catalog, FixPass::Id] {
        let mut analysis = analyze(&inputs, options, levels, Keep::Teams);
        if pass == FixPass::Id {
            add_id_fixes(&mut analysis);
        }
        // By path, not by the name shown: two names may show alike.
        let mut by_file: indexmap::IndexMap<PathBuf, (Arc<SourceFile>, Vec<Fix>)> =
            indexmap::IndexMap::new();
        for f in analysis.findings {
            if let (Some(fix), Some(source)) = (f.fix, f.source) {
                if fix.pass == pass {
                    by_file
                        .entry(source.path().to_path_buf())
                        .or_insert((source, Vec::new()))
                        .1
                        .push(*fix);
                }
            }
        }
        for (_, (source, fixes)) in by_file {
            // Only the files this run was given or found: never a catalog they name.
            let Some(input) = inputs.iter_mut().find(|i| i.path == source.path()) else {
                continue;
            };
            let (after, outcomes) = apply(&source.text, &fixes);
            let at = |o: &Outcome| source.position(o.fix.span.start);
            let outcomes: Vec<(Position, Outcome)> =
                outcomes.into_iter().map(|o| (at(&o), o)).collect();
            if after != source.text {
                if let Ok(changed) = text_source(&input.path, after.clone().into_bytes()) {
                    input.source = Some(changed);
                }
            }
            match files.iter_mut().find(|f| f.path == input.path) {
                Some(f) => {
                    f.after = after;
                    f.fixes.extend(outcomes);
                }
                None => files.push(FixedFile {
                    path: input.path.clone(),
                    before: source,
                    after,
                    fixes: outcomes,
                }),
            }
        }
    }
    (inputs, files)
}

/// Give each misspelt role, person and activity of `analysis` its fix: the names it may
/// have meant. Needs the teams whole ([`super::Keep::Teams`]). A name that is a person id
/// in another team of the run is no misspelling to fix here.
pub fn add_id_fixes(analysis: &mut Analysis) {
    let everyone: foldhash::HashSet<&str> = analysis
        .teams
        .iter()
        .flat_map(|t| t.people.iter().map(|p| &*p.id))
        .collect();
    // The team of each file, found once (a big org has thousands), and where the file's
    // spans start among the team's (an org's units are shifted).
    let mut by_file: std::collections::HashMap<String, (usize, usize)> =
        std::collections::HashMap::new();
    for (i, team) in analysis.teams.iter().enumerate() {
        by_file.insert(team.source.path().display().to_string(), (i, 0));
        for unit in team.org.iter().flat_map(|o| &o.units) {
            by_file.insert(unit.source.path().display().to_string(), (i, unit.base));
        }
    }
    // Two misspellings in one list fixed to the same role would hold it twice.
    let mut given: std::collections::HashSet<(String, usize, String)> =
        std::collections::HashSet::new();
    for finding in &mut analysis.findings {
        let Some(span) = finding.span.clone() else {
            continue;
        };
        let Some(&(t, base)) = by_file.get(finding.file.as_str()) else {
            continue;
        };
        let team = &analysis.teams[t];
        let at = span.start + base..span.end + base;
        let Some((from, mut to)) = id_fix(finding, team, &at) else {
            continue;
        };
        // Only a plain id is written into a file: never a name that would need escapes.
        to.retain(|t| {
            !t.is_empty()
                && t.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        });
        if finding.rule == Rule::UnknownRole {
            if let ([only], Some(person)) = (to.as_slice(), person_of(team, &at)) {
                let key = (finding.file.clone(), person, canonical(team, only));
                if !given.insert(key) {
                    continue;
                }
            }
        }
        if to.is_empty() || everyone.contains(from.as_str()) {
            continue;
        }
        finding.fix = Some(Box::new(Fix {
            pass: FixPass::Id,
            span,
            from,
            to,
            table: (finding.rule == Rule::UnknownActivity).then(|| vec!["raci".to_owned()]),
        }));
    }
}

/// The person whose `roles` hold the entry at `span`.
fn person_of(team: &Team, span: &Range<usize>) -> Option<usize> {
    team.people
        .iter()
        .position(|p| p.roles.iter().any(|r| r.span == *span))
}

/// A role's id, whatever name (alias) it goes by.
fn canonical(team: &Team, name: &str) -> String {
    team.catalog
        .role(name)
        .map_or_else(|| name.to_owned(), |r| team.catalog.roles[r].id.clone())
}

/// The misspelt name a finding is about, and the names it may have meant.
fn id_fix(f: &Finding, team: &Team, span: &Range<usize>) -> Option<(String, Vec<String>)> {
    let catalog = &team.catalog;
    let owned = |names: Vec<&str>| names.into_iter().map(str::to_owned).collect::<Vec<_>>();
    match f.rule {
        Rule::UnknownRole => {
            let from = f.facts().role.clone()?;
            let person = team
                .people
                .iter()
                .find(|p| p.roles.iter().any(|r| r.span == *span))?;
            let names = catalog.role_names().map(|n| (n, catalog.role(n)));
            let mut to = fix_candidates(&from, names, Budget::Names);
            // A role the person already holds (by any name) would only be a duplicate.
            to.retain(|t| {
                let target = catalog.role(t);
                !person.roles.iter().any(|r| catalog.role(&r.name) == target)
            });
            Some((from, owned(to)))
        }
        Rule::UnknownPerson => {
            let from = f.facts().person.clone()?;
            // People and roles: a person is their own key, a role's names share the role's.
            let people = team.people.iter().map(|p| (&*p.id, (Some(&*p.id), None)));
            let roles = catalog.role_names().map(|n| (n, (None, catalog.role(n))));
            Some((
                from.clone(),
                owned(fix_candidates(&from, people.chain(roles), Budget::Names)),
            ))
        }
        Rule::UnknownActivity => {
            let from = f.facts().activity.clone()?;
            let names = catalog.activity_names().map(|n| (n, n));
            Some((
                from.clone(),
                owned(fix_candidates(&from, names, Budget::Names)),
            ))
        }
        _ => None,
    }
}

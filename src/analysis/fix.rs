//! `check --fix`: the fixes with one safe answer, and their edits to a file's text.
//!
//! A misspelt key or catalog id gets its fix where it is found (the candidates are few); a
//! misspelt role, person or activity gets it here, after the analysis, from the team it is
//! in (a big org has many people to compare with, so this runs only when asked).

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use super::levels::LevelOverrides;
use super::pipeline::{Analysis, Input, Keep, analyze};
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
        let mut by_file: indexmap::IndexMap<String, (Arc<SourceFile>, Vec<Fix>)> =
            indexmap::IndexMap::new();
        for f in analysis.findings {
            if let (Some(fix), Some(source)) = (f.fix, f.source) {
                if fix.pass == pass {
                    by_file
                        .entry(f.file)
                        .or_insert((source, Vec::new()))
                        .1
                        .push(fix);
                }
            }
        }
        for (file, (source, fixes)) in by_file {
            // Only the files this run was given or found: never a catalog they name.
            let Some(input) = inputs
                .iter_mut()
                .find(|i| i.path.display().to_string() == file)
            else {
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
    for finding in &mut analysis.findings {
        let Some(span) = finding.span.clone() else {
            continue;
        };
        let Some(team) = analysis
            .teams
            .iter()
            .find(|t| t.source.path().display().to_string() == finding.file)
        else {
            continue;
        };
        let Some((from, to)) = id_fix(finding, team, &span) else {
            continue;
        };
        if to.is_empty() || everyone.contains(from.as_str()) {
            continue;
        }
        finding.fix = Some(Fix {
            pass: FixPass::Id,
            span,
            from,
            to,
        });
    }
}

/// The misspelt name a finding is about, and the names it may have meant.
fn id_fix(f: &Finding, team: &Team, span: &Range<usize>) -> Option<(String, Vec<String>)> {
    let catalog = &team.catalog;
    let owned = |names: Vec<&str>| names.into_iter().map(str::to_owned).collect::<Vec<_>>();
    match f.rule {
        Rule::UnknownRole => {
            let from = f.context.role.clone()?;
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
            let from = f.context.person.clone()?;
            // People and roles: a person is their own key, a role's names share the role's.
            let people = team.people.iter().map(|p| (&*p.id, (Some(&*p.id), None)));
            let roles = catalog.role_names().map(|n| (n, (None, catalog.role(n))));
            Some((
                from.clone(),
                owned(fix_candidates(&from, people.chain(roles), Budget::Names)),
            ))
        }
        Rule::UnknownActivity => {
            let from = f.context.activity.clone()?;
            let names = catalog.activity_names().map(|n| (n, n));
            Some((
                from.clone(),
                owned(fix_candidates(&from, names, Budget::Names)),
            ))
        }
        _ => None,
    }
}

/// A fix that was made, or not, and why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub fix: Fix,
    /// None when made; else why it was left.
    pub skipped: Option<&'static str>,
}

/// `text` with `fixes` made, and what became of each. A fix is made only where the text
/// still reads what it was found to read; one that leaves the file unreadable as TOML (a key
/// that already exists) is left out. Keys and strings are written as TOML writes them
/// (`toml_edit`), so a name that needs quotes gets them; everything else stays as it was.
#[must_use]
pub fn apply(text: &str, fixes: &[Fix]) -> (String, Vec<Outcome>) {
    let mut fixes: Vec<&Fix> = fixes.iter().collect();
    // From the end of the file back, so each span still points where it did.
    fixes.sort_by_key(|f| std::cmp::Reverse(f.span.start));
    fixes.dedup_by_key(|f| f.span.clone());
    let mut out = text.to_owned();
    let mut outcomes = Vec::new();
    let mut last_start = usize::MAX;
    for fix in fixes {
        let skipped = if fix.to.len() > 1 {
            Some("more than one close name")
        } else if fix.span.end > last_start {
            Some("another fix overlaps it")
        } else if let Some(repr) = out.get(fix.span.clone()).and_then(|t| rewritten(t, fix)) {
            let mut candidate = out.clone();
            candidate.replace_range(fix.span.clone(), &repr);
            if candidate.parse::<toml_edit::DocumentMut>().is_ok() {
                out = candidate;
                last_start = fix.span.start;
                None
            } else {
                Some("the new name is already used there")
            }
        } else {
            Some("the file no longer reads what was found")
        };
        outcomes.push(Outcome {
            fix: fix.clone(),
            skipped,
        });
    }
    outcomes.reverse();
    (out, outcomes)
}

/// How `fix.to` is written in place of `found`, a string or a key that reads `fix.from`.
fn rewritten(found: &str, fix: &Fix) -> Option<String> {
    let [to] = fix.to.as_slice() else {
        return None;
    };
    if let Ok(value) = found.parse::<toml_edit::Value>() {
        return (value.as_str() == Some(fix.from.as_str()))
            .then(|| toml_edit::Value::from(to.as_str()).to_string());
    }
    let keys = toml_edit::Key::parse(found).ok()?;
    match keys.as_slice() {
        [key] if key.get() == fix.from => Some(toml_edit::Key::new(to).display_repr().into_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{Fix, FixPass, apply};

    fn fix(text: &str, from: &str, to: &str, nth: usize) -> Fix {
        let start = text.match_indices(from).nth(nth).expect("in the text").0;
        let (start, end) = if text[..start].ends_with('"') {
            (start - 1, start + from.len() + 1)
        } else {
            (start, start + from.len())
        };
        Fix {
            pass: FixPass::Id,
            span: start..end,
            from: from.to_owned(),
            to: vec![to.to_owned()],
        }
    }

    #[test]
    fn a_fix_keeps_everything_else_as_it_was() {
        let text = "[people.ann]  # the lead\nrolse = [ \"web-develper\" , 'qa-tester' ]\n";
        let fixes = [
            fix(text, "rolse", "roles", 0),
            fix(text, "web-develper", "web-developer", 0),
        ];
        let (out, outcomes) = apply(text, &fixes);
        assert_eq!(
            out,
            "[people.ann]  # the lead\nroles = [ \"web-developer\" , 'qa-tester' ]\n"
        );
        assert!(outcomes.iter().all(|o| o.skipped.is_none()));
    }

    #[test]
    fn a_fix_onto_an_existing_key_is_left_out() {
        let text = "[raci.plan-promotions]\naccountable = \"a\"\n\n[raci.plan-promtions]\naccountable = \"b\"\n";
        let (out, outcomes) = apply(text, &[fix(text, "plan-promtions", "plan-promotions", 0)]);
        assert_eq!(out, text);
        assert_eq!(
            outcomes[0].skipped,
            Some("the new name is already used there")
        );
    }

    #[test]
    fn a_fix_where_the_text_moved_is_left_out() {
        let text = "roles = [\"web-develper\"]\n";
        let mut f = fix(text, "web-develper", "web-developer", 0);
        f.span = 0..5;
        let (out, outcomes) = apply(text, &[f]);
        assert_eq!(out, text);
        assert_eq!(
            outcomes[0].skipped,
            Some("the file no longer reads what was found")
        );
    }

    #[test]
    fn a_quoted_name_stays_quoted() {
        let text = "[raci.\"a b\"]\n";
        let start = text.find("\"a b\"").expect("key");
        let f = Fix {
            pass: FixPass::Id,
            span: start..start + 5,
            from: "a b".to_owned(),
            to: vec!["a-b".to_owned()],
        };
        assert_eq!(apply(text, &[f]).0, "[raci.\"a-b\"]\n");
    }
}

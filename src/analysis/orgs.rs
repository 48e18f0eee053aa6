//! Which files of a run are orgs, which are units of which org, and each org made one team
//! of its units.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::inputs::Input;
use super::parallel::in_parallel;
use crate::diag::finding::Finding;
use crate::diag::rule::Rule;
use crate::diag::source::SourceFile;
use crate::input::org::{TwoOrgs, declares_org};
use crate::input::root::lexical;
use crate::team::Team;

/// The orgs of a run, by input index.
#[derive(Debug, Default)]
pub(super) struct Orgs {
    /// Whether each input declares an org.
    pub is_org: Vec<bool>,
    /// For each input, the org it is a unit of: the nearest org file in its folder or above.
    pub org_of: Vec<Option<usize>>,
    /// Two org files in one folder.
    pub problems: Vec<Finding>,
    /// The second org file of a folder: said as a problem, and not checked as an org.
    pub refused: Vec<usize>,
    /// Each org once loaded.
    teams: Vec<Option<Team>>,
}

/// The text of each input, or why it could not be read.
pub(super) type Texts = Vec<Result<Arc<SourceFile>, Box<Finding>>>;

impl Orgs {
    /// The orgs among `inputs`; and, when some inputs are not to be analyzed (the files of
    /// an org nested in the org of a path given, found only to complete that org), the
    /// inputs and texts without them.
    pub fn of_run(inputs: &[Input], texts: Texts) -> (Self, Texts, Option<Vec<Input>>) {
        let is_org = in_parallel(
            &texts,
            || (),
            |(), t| t.as_ref().is_ok_and(|s| declares_org(&s.text)),
        );
        let orgs = Self::find(inputs, is_org.clone());
        let read: Vec<bool> = texts.iter().map(Result::is_ok).collect();
        let strays = orgs.strays(inputs, &read);
        if !strays.contains(&true) {
            return (orgs, texts, None);
        }
        let inputs = kept(inputs.to_vec(), &strays);
        let texts = kept(texts, &strays);
        let is_org = kept(is_org, &strays);
        (Self::find(&inputs, is_org), texts, Some(inputs))
    }

    /// Find the orgs among `inputs`, given which of them declare one (see
    /// [`declares_org`](crate::input::org::declares_org)).
    fn find(inputs: &[Input], is_org: Vec<bool>) -> Self {
        let mut orgs = Self {
            org_of: vec![None; inputs.len()],
            teams: (0..inputs.len()).map(|_| None).collect(),
            ..Self::default()
        };
        let folder = |path: &Path| lexical(path.parent().unwrap_or_else(|| Path::new(".")));
        let mut by_folder: HashMap<PathBuf, usize> = HashMap::new();
        for (i, _) in is_org.iter().enumerate().filter(|(_, o)| **o) {
            let dir = folder(&inputs[i].path);
            if let Some(&first) = by_folder.get(&dir) {
                let two = TwoOrgs {
                    first: inputs[first].path.clone(),
                    second: inputs[i].path.clone(),
                };
                orgs.problems.push(Finding::without_source(
                    Rule::ParseError,
                    inputs[i].path.display().to_string(),
                    two.message(),
                    TwoOrgs::HELP,
                ));
                orgs.refused.push(i);
            } else {
                by_folder.insert(dir, i);
            }
        }
        if !by_folder.is_empty() {
            for (i, input) in inputs.iter().enumerate() {
                if !is_org[i] {
                    orgs.org_of[i] = folder(&input.path)
                        .ancestors()
                        .find_map(|dir| by_folder.get(dir).copied());
                }
            }
        }
        orgs.is_org = is_org;
        orgs
    }

    /// Inputs found in the folder of an org only to complete it, that are not that org's:
    /// the files of an org nested in it (its own org file nearer), analyzed only when a
    /// path given holds them. `read` says which inputs could be read: one that could not
    /// is never left out (its error is said), nor is the org file itself.
    fn strays(&self, inputs: &[Input], read: &[bool]) -> Vec<bool> {
        inputs
            .iter()
            .enumerate()
            .map(|(i, input)| {
                let wanted = &input.for_org;
                let own = if self.is_org[i] {
                    Some(i)
                } else {
                    self.org_of[i]
                };
                !wanted.is_empty()
                    && read[i]
                    && !wanted.contains(&lexical(&input.path))
                    && own.is_some_and(|o| !wanted.contains(&lexical(&inputs[o].path)))
            })
            .collect()
    }

    /// The org of input `i`, loaded.
    pub fn loaded(&mut self, i: usize, org: Team) {
        if self.refused.contains(&i) {
            return;
        }
        self.teams[i] = Some(org);
    }

    /// Each org that loaded, with its units (in path order, whichever path was given) as
    /// one team.
    pub fn merge(&mut self, units: Vec<(usize, Team)>) -> Vec<(usize, Team)> {
        let mut of_org: HashMap<usize, Vec<Team>> = HashMap::new();
        for (i, unit) in units {
            if let Some(o) = self.org_of[i] {
                of_org.entry(o).or_default().push(unit);
            }
        }
        for units in of_org.values_mut() {
            units.sort_by_cached_key(|u| lexical(u.source.path()));
        }
        self.teams
            .iter_mut()
            .enumerate()
            .filter_map(|(i, t)| t.take().map(|t| (i, t)))
            .map(|(i, org)| (i, org.with_units(of_org.remove(&i).unwrap_or_default())))
            .collect()
    }
}

/// The items of `v` that are not strays.
fn kept<T>(v: Vec<T>, strays: &[bool]) -> Vec<T> {
    v.into_iter()
        .zip(strays)
        .filter(|(_, s)| !**s)
        .map(|(x, _)| x)
        .collect()
}

//! What a run analyzes: the files under the paths given, each an [`Input`], with the whole
//! org of any path inside one.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::source::SourceFile;
use crate::input::discover::{self, Refusal};
use crate::input::org::{TwoOrgs, org_above};
use crate::input::root::{Root, lexical};

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
    /// Whether its findings are said: false for a unit loaded only because the org of a
    /// path given holds it.
    pub reported: bool,
    /// The org files (as [`lexical`]) whose folders brought it in, when it was found there
    /// and not under a path given: it is analyzed only if it is one of those orgs' (a
    /// nested org's files are not, unless a path given is in that org too).
    pub for_org: Vec<PathBuf>,
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
            reported: true,
            for_org: Vec::new(),
        }
    }
}

/// The files under `paths` (see [`discover::discover`]) as inputs read from disk, and notes
/// about what the search had to skip.
///
/// A path inside an org (the nearest folder at or above it, up to the root, that holds an
/// `[org]` file) brings the whole org: the files of the org's folder not under the paths
/// given are added, their findings not said ([`Input::reported`]), so that the org's
/// rules see every unit.
#[must_use]
pub fn find_inputs(
    paths: &[PathBuf],
    exclude: &discover::Exclude,
    root: Option<&Path>,
    max_file_size: u64,
) -> (Vec<Input>, Vec<String>) {
    let found = discover::discover(paths, exclude, root);
    let roots: Vec<PathBuf> = paths
        .iter()
        .map(|p| Root::for_path(p, root).dir().to_path_buf())
        .collect();
    let as_input = |c: discover::Candidate, reported: bool| Input {
        path: c.path,
        source: None,
        explicit: c.explicit,
        given: c.given,
        refused: c.refused,
        root: roots.get(c.given).cloned(),
        reported,
        for_org: Vec::new(),
    };
    let mut skipped = found.skipped;
    let mut inputs: Vec<Input> = found.files.into_iter().map(|c| as_input(c, true)).collect();
    // A file is known by what it is, not by how it was named: a symlink given on the
    // command line and its target found in the org's folder are one file.
    let identity = |path: &Path| std::fs::canonicalize(path).unwrap_or_else(|_| lexical(path));
    // Each file's place in `inputs`, by identity.
    let mut known: Option<std::collections::HashMap<PathBuf, usize>> = None;
    // A folder given was searched whole: an org in it needs no second search.
    let folders: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.is_dir())
        .map(|p| lexical(p))
        .collect();
    let mut searched: Vec<PathBuf> = Vec::new();
    for (given, path) in paths.iter().enumerate() {
        // The org file given is the whole org: every unit's findings are said.
        let mut whole = false;
        let mut org_file = None;
        let org_dir = match org_file_of(path, root, max_file_size) {
            Ok(Some(org)) => {
                whole = lexical(&org) == lexical(path);
                org_file = Some(lexical(&org));
                org.parent().map(Path::to_path_buf)
            }
            Ok(None) => None,
            // Said once: when the folder's files are analyzed, the orgs found there say it.
            Err(two)
                if inputs
                    .iter()
                    .any(|i| lexical(&i.path) == lexical(&two.second)) =>
            {
                None
            }
            Err(two) => {
                inputs.push(Input {
                    refused: Some(discover::Refusal {
                        message: two.message(),
                        help: TwoOrgs::HELP,
                    }),
                    ..Input::explicit(two.second)
                });
                None
            }
        };
        let Some(org_dir) = org_dir else { continue };
        let within = lexical(&org_dir);
        if searched.contains(&org_dir) || folders.iter().any(|f| within.starts_with(f)) {
            continue;
        }
        searched.push(org_dir.clone());
        let known = known.get_or_insert_with(|| {
            inputs
                .iter()
                .enumerate()
                .map(|(n, i)| (identity(&i.path), n))
                .collect()
        });
        // The org's files are bound as if its folder were given: a `catalog` path in them
        // stays inside what `check ORG_FOLDER` allows, whichever path inside was given.
        let org_root = Root::for_path(&org_dir, root);
        let more = discover::discover(&[as_shown(&org_dir)], exclude, root);
        skipped.extend(more.skipped);
        for mut c in more.files {
            match known.entry(identity(&c.path)) {
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(inputs.len());
                    c.given = given;
                    c.explicit = false;
                    inputs.push(Input {
                        root: Some(org_root.dir().to_path_buf()),
                        for_org: org_file.iter().cloned().collect(),
                        ..as_input(c, whole)
                    });
                }
                // Found before for another org (the one this org is nested in): it is
                // wanted for this one too.
                std::collections::hash_map::Entry::Occupied(e) => {
                    let input = &mut inputs[*e.get()];
                    if !input.for_org.is_empty() {
                        input.for_org.extend(org_file.iter().cloned());
                        input.reported |= whole;
                    }
                }
            }
        }
    }
    (inputs, skipped)
}

/// The org file of the org that `path` (a path given) is in: the nearest org file in its
/// folder (a folder's own, for a folder) or above, searched no higher than [`org_bounds`].
/// None outside any org.
///
/// # Errors
/// A folder on the way holds two org files.
pub fn org_file_of(
    path: &Path,
    root: Option<&Path>,
    max_file_size: u64,
) -> Result<Option<PathBuf>, TwoOrgs> {
    // A folder is in the org of its own org file, if it holds one, else of the nearest
    // above; orgs below it are found when it is searched.
    let above = if path.is_dir() {
        path
    } else {
        match path.parent() {
            Some(p) if p.as_os_str().is_empty() => Path::new("."),
            Some(p) => p,
            None => return Ok(None),
        }
    };
    org_above(above, &org_bounds(path, root), max_file_size)
}

/// `dir` (absolute) as a user would write it: relative to the current folder when inside
/// it (`.` for the folder itself), else as it is.
#[must_use]
pub fn as_shown(dir: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| dir.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .map_or_else(
            || dir.to_path_buf(),
            |p| {
                if p.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    p
                }
            },
        )
}

/// How high the org of a path given is searched for: the root (the repository's, or
/// `--root`); outside a repository, the current folder when the path is inside it.
fn org_bounds(path: &Path, root: Option<&Path>) -> Root {
    let bounds = Root::for_path(path, root);
    // Never above a repository: its root is where every path from a file must stay.
    if root.is_some() || bounds.dir().join(".git").symlink_metadata().is_ok() {
        return bounds;
    }
    match std::env::current_dir() {
        Ok(cwd) if !bounds.contains(&cwd) && Root::at(&cwd).contains(path) => Root::at(&cwd),
        _ => bounds,
    }
}

//! Finding the files to check: explicit files as given, folders searched for `*.toml`.
//! A symlink met in a folder must lead to a `*.toml` inside the root; a file reached twice
//! is checked once; a folder that cannot be read is an error, not a gap.

use std::collections::HashMap;
use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use globset::{Glob, GlobSet, GlobSetBuilder};

use super::root::Root;

/// A file to load, and whether the user named it (rather than a folder search finding it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub path: PathBuf,
    pub explicit: bool,
    /// Which of the paths given it was found under.
    pub given: usize,
    /// Why it must not be read, when it must not.
    pub refused: Option<Refusal>,
}

/// A path the search will not read, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub help: &'static str,
}

/// What the search found, plus the places it could not go.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<Candidate>,
    /// Human-readable notes about entries skipped for a reason (symlink loops).
    pub skipped: Vec<String>,
}

/// The `--exclude` globs. A glob matches a path as given (`teams/drafts/x.toml`) or relative
/// to the folder searched (`drafts/x.toml`); one without a `/` matches a name at any depth.
/// Which globs matched something is recorded, so one that matched nothing can be said.
#[derive(Debug)]
pub struct Exclude {
    set: GlobSet,
    /// For each glob of `set`, the pattern it came from.
    owner: Vec<usize>,
    patterns: Vec<String>,
    used: std::cell::RefCell<Vec<bool>>,
}

impl Exclude {
    /// Build the matcher.
    ///
    /// # Errors
    /// An invalid glob.
    pub fn new(globs: &[String]) -> Result<Self> {
        let mut builder = GlobSetBuilder::new();
        let mut owner = Vec::new();
        for (i, g) in globs.iter().enumerate() {
            let invalid = || format!("invalid --exclude glob `{g}`");
            builder.add(Glob::new(g).with_context(invalid)?);
            owner.push(i);
            if !g.contains('/') {
                builder.add(Glob::new(&format!("**/{g}")).with_context(invalid)?);
                owner.push(i);
            }
        }
        Ok(Self {
            set: builder.build()?,
            owner,
            patterns: globs.to_vec(),
            used: std::cell::RefCell::new(vec![false; globs.len()]),
        })
    }

    /// No glob at all.
    #[must_use]
    pub fn none() -> Self {
        Self {
            set: GlobSet::empty(),
            owner: Vec::new(),
            patterns: Vec::new(),
            used: std::cell::RefCell::new(Vec::new()),
        }
    }

    /// Whether `path`, found under the folder `searched`, is excluded.
    pub fn excludes(&self, path: &Path, searched: &Path) -> bool {
        let relative = path.strip_prefix(searched).unwrap_or(path);
        let mut hits = self.set.matches(path);
        hits.extend(self.set.matches(relative));
        let mut used = self.used.borrow_mut();
        for &hit in &hits {
            used[self.owner[hit]] = true;
        }
        !hits.is_empty()
    }

    /// The globs that matched nothing in the searches so far.
    #[must_use]
    pub fn unused(&self) -> Vec<&str> {
        let used = self.used.borrow();
        self.patterns
            .iter()
            .zip(used.iter())
            .filter(|(_, used)| !**used)
            .map(|(p, _)| p.as_str())
            .collect()
    }
}

/// Expand paths: files are kept as given; folders are searched recursively for `*.toml`,
/// in sorted order, skipping hidden folders, `target/` and excluded paths. Symlinks are
/// followed, and loops are detected and skipped.
///
/// Nothing that looks like a team file is hidden: a `*.toml` that is not a regular file
/// or cannot be reached (a dangling symlink) is kept for the loader to report, and a folder
/// with no `*.toml` in it is kept itself, so the loader says so.
#[must_use]
pub fn discover(paths: &[PathBuf], exclude: &Exclude, root: Option<&Path>) -> Discovered {
    let mut out = Discovered::default();
    // Each file once, however it was reached (named twice, or through a symlink), by its
    // place among the files found.
    let mut seen: HashMap<(u64, u64), usize> = HashMap::new();
    for (given, folder) in paths.iter().enumerate() {
        if !folder.is_dir() {
            if first_time(&mut seen, folder, out.files.len()).is_none() {
                out.files.push(Candidate {
                    path: folder.clone(),
                    explicit: true,
                    given,
                    refused: not_utf8(folder),
                });
            }
            continue;
        }
        let bounds = Root::for_path(folder, root);
        if !bounds.contains(folder) {
            // The folder given is itself a link, from the repository, to elsewhere.
            out.files.push(Candidate {
                path: folder.clone(),
                explicit: true,
                given,
                refused: Some(Refusal {
                    message: format!(
                        "{} is a symlink to a folder outside {}; not read",
                        folder.display(),
                        bounds.dir().display()
                    ),
                    help: "check the folder itself, or set the bounds with --root DIR",
                }),
            });
            continue;
        }
        // Symlinks that lead where they must not are refused before the walk goes in.
        let refused = std::cell::RefCell::new(Vec::new());
        let walker = walkdir::WalkDir::new(folder)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                if e.depth() == 0 {
                    return true;
                }
                let wanted = !skipped_name(
                    e.file_name().to_string_lossy().as_ref(),
                    e.file_type().is_dir(),
                ) && !exclude.excludes(e.path(), folder);
                if wanted && e.path_is_symlink() {
                    if let Some(refusal) = outside(&bounds, e.path(), e.file_type().is_dir()) {
                        refused.borrow_mut().push(Candidate {
                            path: e.path().to_path_buf(),
                            explicit: false,
                            given,
                            refused: Some(refusal),
                        });
                        return false;
                    }
                }
                wanted
            });
        let before = out.files.len();
        // A folder whose files were all found already (under another path given) is not
        // empty.
        let mut any_toml = false;
        for entry in walker {
            match entry {
                // Regular files and also FIFOs, devices and sockets named `*.toml`: the
                // loader refuses those with a reason rather than the search hiding them.
                Ok(e) if !e.file_type().is_dir() && is_toml(e.path()) => {
                    any_toml = true;
                    if let Some(at) = first_time(&mut seen, e.path(), out.files.len()) {
                        // Found in a folder both through a symlink and as itself: it is
                        // where it is (its folder decides its org), not where a link is.
                        let kept = &mut out.files[at];
                        if !kept.explicit && is_link(&kept.path) && !e.path_is_symlink() {
                            kept.path = e.into_path();
                        }
                    } else {
                        let refused = not_utf8(e.path());
                        out.files.push(Candidate {
                            path: e.into_path(),
                            explicit: false,
                            given,
                            refused,
                        });
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    let place = e
                        .path()
                        .map_or_else(String::new, |p| format!("{}: ", p.display()));
                    if e.loop_ancestor().is_some() {
                        out.skipped
                            .push(format!("{place}symlink loop, not followed"));
                    } else if let Some(path) = e.path().filter(|p| is_toml(p) && !p.is_dir()) {
                        // A `*.toml` that cannot be read (a dangling symlink, a link loop
                        // between files): the loader says why, and it counts as unreadable.
                        out.files.push(Candidate {
                            path: path.to_path_buf(),
                            explicit: false,
                            given,
                            refused: None,
                        });
                    } else {
                        // A folder that cannot be read may hold team files: an error.
                        let reason = e
                            .io_error()
                            .map_or_else(|| e.to_string(), ToString::to_string);
                        out.files.push(Candidate {
                            path: e.path().map_or_else(|| folder.clone(), Path::to_path_buf),
                            explicit: false,
                            given,
                            refused: Some(Refusal {
                                message: format!("cannot read the folder {place}{reason}"),
                                help: "make it readable, or skip it with --exclude GLOB",
                            }),
                        });
                    }
                }
            }
        }
        out.files.append(&mut refused.into_inner());
        if out.files.len() == before && !any_toml {
            // Checking nothing must not pass silently: the loader reports the folder.
            out.files.push(Candidate {
                path: folder.clone(),
                explicit: true,
                given,
                refused: None,
            });
        }
    }
    out
}

/// A file whose path is not UTF-8 is not read: findings, `[rules]` levels and reports tell
/// files apart by their path as shown, and two such names can show alike (each bad byte as
/// one replacement character), so one file's levels could silence another's errors.
fn not_utf8(path: &Path) -> Option<Refusal> {
    path.to_str().is_none().then(|| Refusal {
        message: format!("the path {} is not valid UTF-8; not read", path.display()),
        help: "rename the file (and its folders) to UTF-8 names",
    })
}

/// Why a symlink met in a folder must not be followed: it leads outside the root, or a
/// file link leads to something that is not a `*.toml` (a committed `x.toml -> ../.env`
/// must never have its secret echoed into a CI log).
fn outside(bounds: &Root, link: &Path, is_dir: bool) -> Option<Refusal> {
    let target = std::fs::canonicalize(link).ok()?;
    if !bounds.contains(&target) {
        return Some(Refusal {
            message: format!(
                "{} is a symlink to {}, outside {}; not read",
                link.display(),
                target.display(),
                bounds.dir().display()
            ),
            help: "link only to files inside the repository, or set the bounds with --root DIR",
        });
    }
    if !is_dir && is_toml(link) && !is_toml(&target) {
        return Some(Refusal {
            message: format!(
                "{} is a symlink to {}, which is not a *.toml file; not read",
                link.display(),
                target.display()
            ),
            help: "link a team file only to another *.toml file",
        });
    }
    None
}

fn skipped_name(name: &str, is_dir: bool) -> bool {
    is_dir && (name.starts_with('.') || name == "target" || name == "node_modules")
}

fn is_toml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

/// None the first time a file is seen (it is then recorded at `next`); else where it was
/// first put.
fn first_time(seen: &mut HashMap<(u64, u64), usize>, path: &Path, next: usize) -> Option<usize> {
    let Ok(meta) = path.metadata() else {
        return None;
    };
    match seen.entry((meta.dev(), meta.ino())) {
        std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
        std::collections::hash_map::Entry::Vacant(e) => {
            e.insert(next);
            None
        }
    }
}

fn is_link(path: &Path) -> bool {
    path.symlink_metadata().is_ok_and(|m| m.is_symlink())
}

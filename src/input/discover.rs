//! Finding the files to check: explicit files as given, folders searched for `*.toml`.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use globset::{Glob, GlobSet, GlobSetBuilder};

/// A file to load, and whether the user named it (rather than a folder search finding it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub path: PathBuf,
    pub explicit: bool,
}

/// What the search found, plus the places it could not go.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<Candidate>,
    /// Human-readable notes about entries skipped for a reason (symlink loops, unreadable
    /// folders).
    pub skipped: Vec<String>,
}

/// Build the `--exclude` matcher.
///
/// # Errors
/// An invalid glob.
pub fn exclude_set(globs: &[String]) -> Result<GlobSet> {
    let mut builder = GlobSetBuilder::new();
    for g in globs {
        builder.add(Glob::new(g).with_context(|| format!("invalid --exclude glob `{g}`"))?);
        if !g.contains('/') {
            builder.add(
                Glob::new(&format!("**/{g}"))
                    .with_context(|| format!("invalid --exclude glob `{g}`"))?,
            );
        }
    }
    Ok(builder.build()?)
}

/// Expand paths: files are kept as given; folders are searched recursively for `*.toml`,
/// in sorted order, skipping hidden folders, `target/` and excluded paths. Symlinks are
/// followed, and loops are detected and skipped.
///
/// Nothing that looks like a team file is hidden: a `*.toml` that is not a regular file
/// or cannot be reached (a dangling symlink) is kept for the loader to report, and a folder
/// with no `*.toml` in it is kept itself, so the loader says so.
#[must_use]
pub fn discover(paths: &[PathBuf], exclude: &GlobSet) -> Discovered {
    let mut out = Discovered::default();
    for root in paths {
        if !root.is_dir() {
            out.files.push(Candidate {
                path: root.clone(),
                explicit: true,
            });
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0
                    || !skipped_name(
                        e.file_name().to_string_lossy().as_ref(),
                        e.file_type().is_dir(),
                    ) && !exclude.is_match(e.path())
            });
        let before = out.files.len();
        for entry in walker {
            match entry {
                // Regular files and also FIFOs, devices and sockets named `*.toml`: the
                // loader refuses those with a reason rather than the search hiding them.
                Ok(e) if !e.file_type().is_dir() && is_toml(e.path()) => {
                    out.files.push(Candidate {
                        path: e.into_path(),
                        explicit: false,
                    });
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
                        });
                    } else {
                        out.skipped.push(format!(
                            "{place}{}",
                            e.io_error()
                                .map_or_else(|| e.to_string(), ToString::to_string)
                        ));
                    }
                }
            }
        }
        if out.files.len() == before {
            // Checking nothing must not pass silently: the loader reports the folder.
            out.files.push(Candidate {
                path: root.clone(),
                explicit: true,
            });
        }
    }
    out
}

fn skipped_name(name: &str, is_dir: bool) -> bool {
    is_dir && (name.starts_with('.') || name == "target" || name == "node_modules")
}

fn is_toml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

//! The root: the folder that every path coming from a file must stay inside — a `catalog`
//! path, a symlink met while searching a folder, a symlink at or inside an output target.
//! Paths given on the command line are the user's choice; paths found in a pull request's
//! files are not, so they are refused, unread and unwritten, when they lead outside.

use std::path::{Path, PathBuf};

/// A canonical folder that paths from files must resolve inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Root {
    dir: PathBuf,
}

impl Root {
    /// The root for a path given on the command line: `--root DIR` when set, else the
    /// nearest folder above the path that holds a `.git` (a folder or a file), else the
    /// path's own folder (a folder given is its own).
    #[must_use]
    pub fn for_path(given: &Path, explicit: Option<&Path>) -> Self {
        if let Some(dir) = explicit {
            return Self::at(dir);
        }
        let start = if given.is_dir() {
            given.to_path_buf()
        } else {
            match given.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            }
        };
        // Searched up the path as written, through real folders only: a symlinked folder
        // on the way leads elsewhere, and must not bring a `.git` (a root) of its own.
        let start = lexical(&start);
        let real: Vec<&Path> = {
            let mut from_top: Vec<&Path> = start.ancestors().collect();
            from_top.reverse();
            from_top
                .into_iter()
                .take_while(|dir| !dir.symlink_metadata().is_ok_and(|m| m.is_symlink()))
                .collect()
        };
        let repo = real
            .iter()
            .rev()
            .find(|dir| dir.join(".git").symlink_metadata().is_ok());
        Self {
            dir: canonical(repo.copied().unwrap_or(&start)),
        }
    }

    /// The root at `dir` (`--root`).
    #[must_use]
    pub fn at(dir: &Path) -> Self {
        Self {
            dir: canonical(dir),
        }
    }

    /// The root folder, canonical.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether a path resolves inside the root. The path is canonicalized (symlinks
    /// followed); a path that does not exist resolves through its parent.
    #[must_use]
    pub fn contains(&self, path: &Path) -> bool {
        resolve(path).is_some_and(|p| p.starts_with(&self.dir))
    }
}

/// `path` made absolute, with `.` and `..` taken out by the words alone (no symlink
/// followed): the path as the user wrote it.
#[must_use]
pub fn lexical(path: &Path) -> PathBuf {
    use std::path::Component;
    // The parent of a bare file name (`org.toml`) is the empty path: the current folder.
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` with every symlink followed; for a path that does not exist yet, its parent's
/// canonical form joined with its name. None when neither can be resolved.
#[must_use]
pub fn resolve(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = std::fs::canonicalize(path) {
        return Some(p);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::canonicalize(parent).ok().map(|p| p.join(name))
}

fn canonical(dir: &Path) -> PathBuf {
    std::fs::canonicalize(dir)
        .or_else(|_| std::path::absolute(dir))
        .unwrap_or_else(|_| dir.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::Root;

    #[test]
    fn the_root_is_the_nearest_git_folder_else_the_folder_given() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let repo = tmp.path().join("repo");
        std::fs::create_dir_all(repo.join("teams/sales")).expect("dirs");
        let plain = Root::for_path(&repo.join("teams/sales/a.toml"), None);
        assert!(plain.dir().ends_with("teams/sales"), "{plain:?}");
        std::fs::write(repo.join(".git"), "gitdir: elsewhere").expect(".git file");
        let in_repo = Root::for_path(&repo.join("teams/sales/a.toml"), None);
        assert_eq!(
            in_repo.dir(),
            std::fs::canonicalize(&repo).expect("canonical")
        );
        assert!(in_repo.contains(&repo.join("teams/new.toml")));
        assert!(!in_repo.contains(tmp.path()));
        let set = Root::for_path(&repo.join("teams/a.toml"), Some(&repo.join("teams")));
        assert!(set.dir().ends_with("teams"));

        // A symlinked folder does not bring the root of where it leads.
        let other = tmp.path().join("other");
        std::fs::create_dir_all(other.join(".git")).expect("other repo");
        std::os::unix::fs::symlink(&other, repo.join("docs")).expect("symlink");
        let through = Root::for_path(&repo.join("docs/README.md"), None);
        assert_eq!(through.dir(), in_repo.dir());
        assert!(!through.contains(&repo.join("docs/README.md")));
    }
}

//! Orgs on disk: which file declares an org (an `[org]` table), and the nearest one above a
//! path, searched no higher than the root.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::root::{Root, lexical};

/// Whether a file's text declares an org: a `[org]` table header (`[ org ]`, `["org"]`), or
/// an `org = ...` / `org.x = ...` key before the first table. A line scan, not a parse: it
/// runs over every file of a folder before any is loaded. The loader reads the file again
/// whole and says what is wrong with it.
#[must_use]
pub fn declares_org(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Most files hold no multi-line string: their lines need no look for one.
    let multiline = memchr::memmem::find(text.as_bytes(), br#"""""#).is_some()
        || memchr::memmem::find(text.as_bytes(), b"'''").is_some();
    let mut before_tables = true;
    // The delimiter of a multi-line string the scan is inside: its lines are text, not
    // headers (a `[org]` line in a description declares nothing).
    let mut in_string: Option<&str> = None;
    for line in text.lines() {
        if let Some(delimiter) = in_string {
            if line.contains(delimiter) {
                in_string = None;
            }
            continue;
        }
        if multiline {
            in_string = opens_multiline(line);
        }
        let line = line.trim_start();
        if let Some(rest) = line.strip_prefix('[') {
            if rest.starts_with('[') {
                before_tables = false;
                continue;
            }
            let header = rest.split(']').next().unwrap_or_default();
            let mut key = header
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '"' && *c != '\'');
            let org = key.next() == Some('o') && key.next() == Some('r') && key.next() == Some('g');
            if org && matches!(key.next(), None | Some('.')) {
                return true;
            }
            before_tables = false;
        } else if before_tables {
            let key = line.trim_start_matches(['"', '\'']);
            if let Some(rest) = key.strip_prefix("org") {
                let rest = rest.trim_start_matches(['"', '\'']).trim_start();
                if rest.starts_with('=') || rest.starts_with('.') {
                    return true;
                }
            }
        }
    }
    false
}

/// The delimiter of a multi-line string that `line` opens and does not close.
fn opens_multiline(line: &str) -> Option<&'static str> {
    let first = ["\"\"\"", "\'\'\'"]
        .into_iter()
        .filter_map(|d| line.find(d).map(|at| (at, d)))
        .min()?;
    let (at, delimiter) = first;
    // A comment before it: no string.
    if line[..at].contains('#') {
        return None;
    }
    (line[at..].matches(delimiter).count() % 2 == 1).then_some(delimiter)
}

/// Two org files in one folder: neither is the org of the files there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TwoOrgs {
    pub first: PathBuf,
    pub second: PathBuf,
}

impl TwoOrgs {
    #[must_use]
    pub fn message(&self) -> String {
        format!(
            "{} and {} both declare an [org] in one folder: the files there would belong to two orgs",
            self.first.display(),
            self.second.display()
        )
    }

    pub const HELP: &'static str = "keep one org file per folder: merge the two, or move one org (with its units) into a folder of its own";
}

/// The org file of the folders above `start` (the folder itself included), nearest first,
/// searching no higher than `root`. Only `*.toml` regular files are read, at most their
/// first `max_size` bytes (a bigger org file is still found, and then refused by the
/// loader with its size), and at most the first 1,000 of a folder.
///
/// # Errors
/// A folder on the way holds two org files.
pub fn org_above(start: &Path, root: &Root, max_size: u64) -> Result<Option<PathBuf>, TwoOrgs> {
    let start = lexical(start);
    for dir in start.ancestors() {
        if !root.contains(dir) {
            break;
        }
        if let Some(found) = org_in(dir, max_size)? {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// The org file directly in `dir`, if any.
fn org_in(dir: &Path, max_size: u64) -> Result<Option<PathBuf>, TwoOrgs> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(None);
    };
    let mut names: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        })
        .take(1000)
        .collect();
    names.sort();
    let mut found: Option<PathBuf> = None;
    for path in names {
        let regular = path.symlink_metadata().is_ok_and(|m| m.is_file());
        if !regular {
            continue;
        }
        let mut head = Vec::new();
        let read = std::fs::File::open(&path).and_then(|f| f.take(max_size).read_to_end(&mut head));
        if read.is_err() {
            continue;
        }
        if declares_org(&String::from_utf8_lossy(&head)) {
            if let Some(first) = found {
                return Err(TwoOrgs {
                    first,
                    second: path,
                });
            }
            found = Some(path);
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::declares_org;

    #[test]
    fn an_org_header_in_any_spelling_declares_an_org() {
        for text in [
            "[org]\nname = \"N\"",
            "  [ org ] # the org\n",
            "[\"org\"]\n",
            "[org.limits]\n",
            "['org']\n",
            "org = { name = \"N\", catalog = \"b2b\" }\n",
            "org.name = \"N\"\n",
            "# org\n[org]\n",
            "\u{feff}[org]\nname = \"N\"",
            "[org]\ndescription = \"\"\"\nmany lines\n\"\"\"\n",
            "x = \"\"\"one line\"\"\"\n[org]\n",
        ] {
            assert!(declares_org(text), "{text:?}");
        }
    }

    #[test]
    fn team_files_do_not_declare_an_org() {
        for text in [
            "[team]\nname = \"Org\"\ncatalog = \"b2b\"\n",
            "[people.org]\nroles = []\n",
            "[team]\norg = 1\n",
            "[[org]]\n",
            "organisation = \"x\"\n",
            "[org-chart]\n",
            "[orgs]\n",
            "[or]\n",
            "[organisation.x]\n",
            "email = \"a@x.org\"\n",
            "[team]\ndescription = \"\"\"\n[org]\n\"\"\"\n",
            "[team]\ndescription = '''\n[org]\norg = 1\n'''\n",
        ] {
            assert!(!declares_org(text), "{text:?}");
        }
    }
}

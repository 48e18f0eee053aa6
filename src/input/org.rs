//! Orgs on disk: which file declares an org (an `[org]` table), and the nearest one above a
//! path, searched no higher than the root.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use super::root::{Root, lexical};

/// Whether a file's text declares an org: a `[org]` table header (`[ org ]`, `["org"]`), or
/// an `org = ...` / `org.x = ...` key before the first table. A line scan, not a parse: it
/// runs over every file of a folder before any is loaded. The loader reads the file again
/// whole and says what is wrong with it.
#[must_use]
pub fn declares_org(text: &str) -> bool {
    // The line scan is quick and may be fooled (an escaped quote in a multi-line string);
    // what it finds is confirmed by the parser, when the text parses at all.
    looks_like_org(text)
        && toml::from_str::<toml::Table>(text)
            .map_or(true, |t| t.get("org").is_some_and(toml::Value::is_table))
}

/// Whether a line scan of `text` finds an `[org]` table or `org` key.
fn looks_like_org(text: &str) -> bool {
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

/// How much of a file the search for an org file reads: an org file declares its `[org]`
/// near the top, and a folder of big files must not be read whole once per path given.
pub const SEARCH_PREFIX: u64 = 64 * 1024;

/// How many `*.toml` files of a folder (the first by name) the search reads.
pub const SEARCH_FILES: usize = 1000;

/// The org file of the folders above `start` (the folder itself included), nearest first,
/// searching no higher than `root`. Only `*.toml` regular files are read, the first
/// [`SEARCH_FILES`] of a folder by name, and of each at most its first [`SEARCH_PREFIX`]
/// bytes (or `max_size`, if smaller; a bigger org file is still found, then refused by the
/// loader with its size). Each folder is read once per process, however many paths ask.
///
/// # Errors
/// A folder on the way holds two org files.
pub fn org_above(start: &Path, root: &Root, max_size: u64) -> Result<Option<PathBuf>, TwoOrgs> {
    let start = lexical(start);
    for dir in start.ancestors() {
        // A folder not made yet (`init` of a new file two folders deep) holds nothing.
        if !dir.is_dir() {
            continue;
        }
        if !root.contains(dir) {
            break;
        }
        if let Some(found) = org_in(dir, max_size.min(SEARCH_PREFIX), root)? {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

type Searched = HashMap<(PathBuf, u64, PathBuf), Result<Option<PathBuf>, TwoOrgs>>;

/// The org file directly in `dir`, if any (each folder read once per process).
fn org_in(dir: &Path, max_size: u64, root: &Root) -> Result<Option<PathBuf>, TwoOrgs> {
    static SEARCHED: LazyLock<Mutex<Searched>> = LazyLock::new(Mutex::default);
    let key = (dir.to_path_buf(), max_size, root.dir().to_path_buf());
    if let Some(known) = SEARCHED.lock().ok().and_then(|s| s.get(&key).cloned()) {
        return known;
    }
    let found = read_org_in(dir, max_size, root);
    if let Ok(mut searched) = SEARCHED.lock() {
        searched.insert(key, found.clone());
    }
    found
}

fn read_org_in(dir: &Path, max_size: u64, root: &Root) -> Result<Option<PathBuf>, TwoOrgs> {
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
        .collect();
    names.sort();
    names.truncate(SEARCH_FILES);
    let mut found: Option<PathBuf> = None;
    for path in names {
        // A symlink to a file inside the root counts as the file, as the folder search
        // takes it; one leading out, or to a device or pipe, is not read.
        let regular = path.metadata().is_ok_and(|m| m.is_file()) && root.contains(&path);
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
            // What a line scan misreads, the parser settles.
            "[team]\nname = \"S\"\ndescription = \"\"\"\na quote: \\\"\"\"\n[org]\n\"\"\"\n",
            "[team]\nname = \"S\"\n[people.a]\nroles = [\"#\", \"\"\"\n[org]\n\"\"\"]\n",
        ] {
            assert!(!declares_org(text), "{text:?}");
        }
    }

    #[test]
    fn the_parser_overrules_a_line_scan_fooled_by_an_escaped_quote() {
        let text = "[team]\nname = \"S\"\ndescription = \"\"\"\na quote: \\\"\"\"\n[org]\n\"\"\"\n";
        assert!(super::looks_like_org(text), "the scan alone is fooled");
        assert!(!declares_org(text));
        // A broken file keeps the scan's answer: its error is said as the org's.
        assert!(declares_org("[org]\nname = \n"));
    }
}

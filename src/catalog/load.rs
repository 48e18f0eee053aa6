//! Loading a catalog file: parse it, apply it on top of the built-in catalog it extends,
//! resolve and check it, each problem a finding at its place in the file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde::Deserialize;

use super::builtin::{BUILTIN_IDS, builtin_source};
use super::file::CatalogFile;
use super::link;
use super::model::Catalog;
use super::raw::{CatalogProblem, RawCatalog};
use crate::diag::finding::Finding;
use crate::diag::rule::Rule;
use crate::diag::source::SourceFile;
use crate::diag::suggest;
use crate::input::read::read_source;
use crate::input::shape::{Found, Problem, Shape};
use crate::input::toml_error::{Wording, refused, syntax_error};

/// The help of an error serde finds after the shape check passed.
const SERDE_HELP: &str = "fix the value at this place; `teamplan catalog show b2b --format toml` prints a whole catalog file";

/// Load and check a catalog from its source text.
///
/// # Errors
/// Every parse, merge and consistency problem, each as a finding into `source`.
pub fn load(source: &Arc<SourceFile>) -> Result<Catalog, Vec<Finding>> {
    let fallback = source
        .path()
        .file_stem()
        .map_or_else(|| "custom".to_owned(), |s| s.to_string_lossy().into_owned());
    let (raw, mut problems) = load_raw(source, &fallback, 0)?;
    let catalog = link::resolve(&raw, &mut problems);
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(to_findings(source, problems))
    }
}

/// Parse a catalog file and apply it on top of what it extends; problems applying it are
/// returned beside the result so that resolving can report its own too.
///
/// # Errors
/// Parse errors, a bad `extends`, or an inconsistent parent.
fn load_raw(
    source: &Arc<SourceFile>,
    fallback_id: &str,
    depth: usize,
) -> Result<(RawCatalog, Vec<CatalogProblem>), Vec<Finding>> {
    let table =
        toml::de::DeTable::parse(&source.text).map_err(|e| vec![syntax_error(&e, source)])?;
    // A team file given where a catalog belongs: one finding that says so, not a list of its
    // keys a catalog does not have.
    if let Some((key, _)) = table.get_ref().get_key_value("team") {
        if !table.get_ref().contains_key("roles") {
            return Err(vec![Finding::new(
                Rule::ParseError,
                source,
                Some(key.span()),
                "this is a team file (it has [team]), not a catalog file",
                "check a team with `teamplan check FILE`; `teamplan catalog check` takes a catalog file",
            )]);
        }
    }
    // Only a file serde refuses is walked for every problem of its shape.
    let file = CatalogFile::deserialize(toml::de::Deserializer::from(table))
        .map_err(|e| refused(&e, source, catalog_shape(), reword, SERDE_HELP))?;
    let base = match &file.extends {
        None => None,
        Some(name) => {
            let Some(parent) = builtin_source(name.get_ref()).filter(|_| depth < 4) else {
                let hint = suggest::hint(name.get_ref(), BUILTIN_IDS);
                return Err(vec![Finding::new(
                    Rule::InvalidCatalog,
                    source,
                    Some(name.span()),
                    format!(
                        "`extends` names `{}`, which is not a built-in catalog",
                        name.get_ref()
                    ),
                    hint.unwrap_or_else(|| format!("extend one of {}", BUILTIN_IDS.join(", "))),
                )]);
            };
            let (mut raw, parent_problems) = load_raw(&parent, name.get_ref(), depth + 1)?;
            if !parent_problems.is_empty() {
                return Err(to_findings(&parent, parent_problems));
            }
            for role in raw.roles.values_mut() {
                role.span = None;
            }
            for activity in raw.activities.values_mut() {
                activity.span = None;
            }
            Some(raw)
        }
    };
    let mut problems = Vec::new();
    let raw = file.apply(base, fallback_id, &mut problems);
    Ok((raw, problems))
}

/// The shape of catalog files, compiled once from the schema of [`CatalogFile`].
fn catalog_shape() -> &'static Shape {
    static SHAPE: OnceLock<Shape> = OnceLock::new();
    SHAPE.get_or_init(|| Shape::from_schema(schemars::schema_for!(CatalogFile).as_value()))
}

/// Catalog files' own sentences for some problems.
fn reword(problem: &Problem, default: Wording) -> Wording {
    match problem {
        Problem::WrongType {
            found: Found::List, ..
        } if problem.is_at(&["activities", "*", "raci", "accountable"]) => Wording {
            message:
                "exactly one role is accountable: move the others to `responsible` or `consulted`"
                    .to_owned(),
            help: "write one role, as in `accountable = \"...\"`".to_owned(),
        },
        _ => default,
    }
}

fn to_findings(source: &Arc<SourceFile>, problems: Vec<CatalogProblem>) -> Vec<Finding> {
    problems
        .into_iter()
        .map(|p| Finding::new(Rule::InvalidCatalog, source, p.span, p.message, p.help))
        .collect()
}

/// Loads each catalog file once, however many team files name it.
#[derive(Default)]
pub struct CatalogStore {
    cache: HashMap<PathBuf, Result<Arc<Catalog>, Vec<Finding>>>,
}

impl CatalogStore {
    /// A custom catalog file.
    ///
    /// # Errors
    /// The file cannot be read, parsed, or is inconsistent.
    pub fn file(&mut self, path: &Path, max_size: u64) -> Result<Arc<Catalog>, Vec<Finding>> {
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.cache
            .entry(key)
            .or_insert_with(|| {
                let source = read_source(path, max_size).map_err(|f| vec![*f])?;
                load(&source).map(Arc::new)
            })
            .clone()
    }
}

/// A built-in catalog by id, or a catalog file by path, for the commands that take either
/// (`catalog show`, `schema --catalog`).
///
/// # Errors
/// Neither a built-in id nor a consistent catalog file; the message suggests the nearest id.
pub fn find(id: &str) -> anyhow::Result<Arc<Catalog>> {
    if let Some(found) = super::builtin::builtin(id) {
        return Ok(found);
    }
    let path = Path::new(id);
    if path.is_file() {
        return CatalogStore::default()
            .file(path, crate::input::DEFAULT_MAX_FILE_SIZE)
            .map_err(|findings| {
                let why = findings
                    .first()
                    .map(|f| format!(": {}", f.message))
                    .unwrap_or_default();
                anyhow::anyhow!(
                    "{id} is not a valid catalog{why}; run `teamplan catalog check {id}`"
                )
            });
    }
    if path.symlink_metadata().is_ok() {
        anyhow::bail!(
            "{id} is not a regular file (a folder, a device, a FIFO or a dangling link): name a catalog file"
        );
    }
    let hint = suggest::hint(id, BUILTIN_IDS);
    anyhow::bail!(
        "no catalog `{id}`{}; built-in catalogs: {}",
        hint.map(|h| format!(" ({h})")).unwrap_or_default(),
        BUILTIN_IDS.join(", ")
    )
}

//! Role catalogs: the built-in ones embedded from `catalogs/*.toml`, and custom catalog
//! files, both read by the same loader.

mod builtin;
#[rustfmt::skip]
mod builtin_data;
pub mod export;
mod file;
mod model;
mod resolve;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use file::{CatalogFile, RaciSpec, RawCatalog};
pub use model::{Activity, ActivityIdx, Area, Catalog, Limits, Raci, Requirement, Role, RoleIdx};
pub use resolve::is_kebab_case;

use crate::finding::Finding;
use crate::rules::Rule;
use crate::source::SourceFile;

/// The embedded catalog sources. `base` is the library every built-in catalog extends.
const EMBEDDED: &[(&str, &str)] = &[
    ("base", include_str!("../../catalogs/base.toml")),
    ("b2b", include_str!("../../catalogs/b2b.toml")),
    ("b2c", include_str!("../../catalogs/b2c.toml")),
    ("d2c", include_str!("../../catalogs/d2c.toml")),
    ("small-team", include_str!("../../catalogs/small-team.toml")),
];

/// The catalogs a team file may name.
pub const BUILTIN_IDS: [&str; 4] = ["b2b", "b2c", "d2c", "small-team"];

/// The embedded TOML of a catalog that a file may `extends` (the four plus `base`).
fn embedded(id: &str) -> Option<&'static str> {
    EMBEDDED
        .iter()
        .find(|(name, _)| *name == id)
        .map(|(_, text)| *text)
}

/// The source file of a built-in catalog.
#[must_use]
pub fn builtin_source(id: &str) -> Option<Arc<SourceFile>> {
    embedded(id).map(|text| {
        Arc::new(SourceFile::new(
            format!("<builtin>/{id}.toml"),
            text.to_owned(),
        ))
    })
}

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
    let catalog = resolve::resolve(&raw, &mut problems);
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
) -> Result<(RawCatalog, Vec<file::CatalogProblem>), Vec<Finding>> {
    let file: CatalogFile =
        toml::from_str(&source.text).map_err(|e| vec![crate::load::toml_error(&e, source)])?;
    let base = match &file.extends {
        None => None,
        Some(name) => {
            let Some(text) = embedded(name.get_ref()).filter(|_| depth < 4) else {
                let hint = crate::suggest::hint(name.get_ref(), BUILTIN_IDS);
                return Err(vec![Finding::new(
                    Rule::InvalidCatalog,
                    source,
                    Some(name.span()),
                    format!(
                        "`extends` names `{}`, which is not a built-in catalog",
                        name.get_ref()
                    ),
                    if hint.is_empty() {
                        format!("extend one of {}", BUILTIN_IDS.join(", "))
                    } else {
                        hint
                    },
                )]);
            };
            let parent = Arc::new(SourceFile::new(
                format!("<builtin>/{}.toml", name.get_ref()),
                text.to_owned(),
            ));
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

fn to_findings(source: &Arc<SourceFile>, problems: Vec<file::CatalogProblem>) -> Vec<Finding> {
    problems
        .into_iter()
        .map(|p| Finding::new(Rule::InvalidCatalog, source, p.span, p.message, p.help))
        .collect()
}

/// A built-in catalog by id (compiled in already resolved, built once per process), or None
/// when `id` is not one of [`BUILTIN_IDS`].
#[must_use]
pub fn builtin(id: &str) -> Option<Arc<Catalog>> {
    builtin::shared(id)
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
                let source = crate::load::read_source(path, max_size).map_err(|f| vec![*f])?;
                load(&source).map(Arc::new)
            })
            .clone()
    }
}

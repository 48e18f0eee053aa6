//! The catalog a team or org file names: a built-in id, or a path to a catalog file that
//! stays inside the root.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use toml::Spanned;

use super::options::LoadOptions;
use crate::catalog::{self, Catalog, CatalogStore};
use crate::diag::finding::{Finding, FixPass};
use crate::diag::rule::Rule;
use crate::diag::source::SourceFile;
use crate::diag::suggest;
use crate::input::root::Root;

/// A catalog is a built-in id, or a path (relative to the team file) to a catalog file.
pub(super) fn resolve_catalog(
    source: &Arc<SourceFile>,
    name: &Spanned<String>,
    store: &mut CatalogStore,
    options: LoadOptions,
) -> Result<(Arc<Catalog>, Option<PathBuf>), Vec<Finding>> {
    let value = name.get_ref().trim();
    if let Some(found) = catalog::builtin(value) {
        return Ok((found, None));
    }
    let looks_like_path = Path::new(value)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        || value.contains('/')
        || value.contains('\\');
    if !looks_like_path {
        // `D2C` is `d2c` in the wrong case: said before any looser guess.
        let close = catalog::BUILTIN_IDS
            .iter()
            .copied()
            .find(|b| b.eq_ignore_ascii_case(value))
            .or_else(|| suggest::did_you_mean(value, catalog::BUILTIN_IDS));
        let help = match close {
            Some(s) => format!(
                "did you mean `{s}`? built-in catalogs: {}",
                catalog::BUILTIN_IDS.join(", ")
            ),
            None => format!(
                "use one of {}, or a path to a custom catalog file ending in .toml",
                catalog::BUILTIN_IDS.join(", ")
            ),
        };
        let ids = catalog::BUILTIN_IDS.iter().map(|id| (*id, *id));
        let fix = suggest::fix_candidates(name.get_ref(), ids, suggest::Budget::Known);
        return Err(vec![
            Finding::new(
                Rule::ParseError,
                source,
                Some(name.span()),
                format!("unknown catalog `{value}`"),
                help,
            )
            .fix(FixPass::Catalog, name.span(), name.get_ref(), &fix),
        ]);
    }
    let refuse = |message: String, help: &str| {
        Err(vec![Finding::new(
            Rule::ParseError,
            source,
            Some(name.span()),
            message,
            help.to_owned(),
        )])
    };
    if !Path::new(value)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
    {
        return refuse(
            format!("the catalog path `{value}` does not end in .toml; it is not read"),
            "name a custom catalog file ending in .toml",
        );
    }
    let base = source.path().parent().unwrap_or_else(|| Path::new(""));
    let path = base.join(value);
    // A path from a file (a pull request's, perhaps) never leads outside the root: its
    // target is neither read nor echoed.
    let root = Root::for_path(source.path(), options.root);
    let leads_to_toml = std::fs::canonicalize(&path).map_or(true, |target| {
        target
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
    });
    if !leads_to_toml {
        return refuse(
            format!(
                "the catalog path `{value}` is a symlink to a file that is not a *.toml; it is not read"
            ),
            "link a catalog only to another *.toml file",
        );
    }
    if path.exists() && !root.contains(&path) {
        return refuse(
            format!(
                "the catalog path `{value}` leads outside {}; it is not read",
                root.dir().display()
            ),
            "keep custom catalogs inside the repository, or set the bounds with --root DIR",
        );
    }
    if !path.is_file() {
        return Err(vec![Finding::new(
            Rule::ParseError,
            source,
            Some(name.span()),
            format!("catalog file `{}` not found", path.display()),
            "a catalog path is relative to the team file",
        )]);
    }
    store
        .file(&path, options.max_file_size)
        .map(|catalog| (catalog, Some(path)))
}

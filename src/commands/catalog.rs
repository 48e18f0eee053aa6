//! `teamplan catalog list|show|check`: browse built-in catalogs, check custom ones.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use anyhow::Result;

use crate::analysis::Outcome;
use crate::catalog::{self, BUILTIN_IDS, Catalog, Requirement};
use crate::cli::{CatalogCommand, ListFormat, ShowFormat};
use crate::diag::Rule;
use crate::input::read_source;
use crate::render;
use crate::render::escape;

/// Run a `catalog` subcommand; returns the exit code.
///
/// # Errors
/// An unknown catalog id, or failing to write.
pub fn run(command: &CatalogCommand, out: &mut dyn Write) -> Result<u8> {
    match command {
        CatalogCommand::List { format } => {
            let catalogs = builtins();
            let text = match format {
                ListFormat::Table => render::catalog::list_table(&catalogs),
                ListFormat::Json => render::catalog::list_json(&catalogs),
            };
            out.write_all(text.as_bytes())?;
            Ok(0)
        }
        CatalogCommand::Show {
            id,
            format,
            sources,
        } => {
            let c = catalog::find(id)?;
            let text = match (format, sources) {
                (ShowFormat::Table, false) => render::catalog::show_table(&c),
                (ShowFormat::Table, true) => render::sources::human(&c),
                (ShowFormat::Markdown, false) => render::catalog::show_markdown(&c),
                (ShowFormat::Markdown, true) => render::sources::markdown_page(&c),
                (ShowFormat::Json, _) => render::catalog::json(&c),
                (ShowFormat::Toml, _) => render::catalog::toml(&c)?,
            };
            out.write_all(text.as_bytes())?;
            Ok(0)
        }
        CatalogCommand::Check { file } => check(file, out),
    }
}

fn builtins() -> Vec<Arc<Catalog>> {
    BUILTIN_IDS
        .iter()
        .filter_map(|id| catalog::builtin(id))
        .collect()
}

fn check(file: &Path, out: &mut dyn Write) -> Result<u8> {
    let loaded = read_source(file, crate::input::DEFAULT_MAX_FILE_SIZE)
        .map_err(|f| vec![*f])
        .and_then(|source| catalog::load(&source));
    match loaded {
        Ok(c) => {
            writeln!(
                out,
                "{}: catalog `{}` is consistent: {} roles ({} required), {} activities",
                render::style::paint(render::style::OK, "ok"),
                c.id,
                c.roles.len(),
                render::catalog::count(&c, Requirement::Required),
                c.activities.len()
            )?;
            Ok(0)
        }
        Err(findings) => {
            let unreadable = findings.iter().any(|f| f.rule == Rule::ParseError);
            let outcome = Outcome {
                findings,
                ..Outcome::default()
            };
            out.write_all(render::findings::human::render_findings(&outcome).as_bytes())?;
            writeln!(
                out,
                "error: {}: {}",
                escape::path(file),
                crate::diag::words::count(outcome.findings.len(), "problem")
            )?;
            Ok(if unreadable { 2 } else { 1 })
        }
    }
}

//! Loading a team file: parse with positions, check its shape, find its catalog, and build
//! the [`Team`] the resolver reads.

use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use indexmap::IndexMap;
use serde::Deserialize;
use toml::Spanned;

use super::file::{self, TeamFile};
use super::model::{RaciOverride, Ref, Team};
pub use super::options::LoadOptions;
use super::person::{build_person, check_currency, fte_out_of_range, set_aside};
use crate::catalog::BUSINESS_IDS;
use crate::catalog::{self, Catalog, CatalogStore};
use crate::diag::finding::Finding;
use crate::diag::rule::Rule;
use crate::diag::source::{SourceFile, shorten};
use crate::input::read::read_source;
use crate::input::shape::{Found, Problem, Shape, Step};
use crate::input::toml_error::{Wording, refused, shape_findings, syntax_error};
use crate::input::wording::closest;

/// The help of an error serde finds after the shape check passed.
const SERDE_HELP: &str = "fix the value at this place; `teamplan schema` describes the file";

/// What a TOML file turned out to be.
#[derive(Debug)]
pub enum Loaded {
    Team(Box<Team>),
    /// An org file: a team with no people of its own, whose units are the team files in its
    /// folder and below.
    Org(Box<Team>),
    /// A catalog file (it has no `[team]` but catalog keys); checked as a catalog.
    Catalog(Box<Catalog>),
    /// Neither a team file nor a catalog file.
    Other,
}

/// Read and load a file as a team (or tell that it is a catalog or neither).
///
/// # Errors
/// Every problem that makes the file unreadable as a team or catalog, with positions.
pub fn load_path(
    path: &Path,
    store: &mut CatalogStore,
    options: LoadOptions,
) -> Result<Loaded, Vec<Finding>> {
    let source = read_source(path, options.max_file_size).map_err(|f| vec![*f])?;
    load_source(&source, store, options)
}

/// Load a team (or catalog) from text already read.
///
/// # Errors
/// Parse and shape errors, each with a position.
pub fn load_source(
    source: &Arc<SourceFile>,
    store: &mut CatalogStore,
    options: LoadOptions,
) -> Result<Loaded, Vec<Finding>> {
    let table =
        toml::de::DeTable::parse(&source.text).map_err(|e| vec![syntax_error(&e, source)])?;
    let top = table.get_ref();
    if !top.contains_key("team") && !top.contains_key("org") {
        let catalog_keys = [
            "extends",
            "roles",
            "activities",
            "remove-roles",
            "remove-activities",
            "limits",
        ];
        if catalog_keys.iter().any(|k| top.contains_key(*k)) {
            return catalog::load(source).map(|c| Loaded::Catalog(Box::new(c)));
        }
        return Ok(Loaded::Other);
    }
    // A file serde reads has the shape of the schema (made from the same types): only one
    // it refuses is walked for every problem (so a valid file pays for no walk).
    let mut file = TeamFile::deserialize(toml::de::Deserializer::from(table))
        .map_err(|e| refused(&e, source, team_shape(), reword, SERDE_HELP))?;
    if file.org.is_some() {
        let mut errors = Vec::new();
        let levels = rule_levels(std::mem::take(&mut file.rules), source, &mut errors);
        return super::org_file::build_org(source, file, levels, errors, store, options)
            .map(|t| Loaded::Org(Box::new(t)));
    }
    build(source, file, store, options).map(|t| Loaded::Team(Box::new(t)))
}

/// The shape of team files, compiled once from the schema `teamplan schema` prints.
fn team_shape() -> &'static Shape {
    static SHAPE: OnceLock<Shape> = OnceLock::new();
    SHAPE.get_or_init(|| Shape::from_schema(file::schema().as_value()))
}

/// Team files' own sentences for some problems.
fn reword(problem: &Problem, default: Wording) -> Wording {
    match problem {
        Problem::OutOfRange { value, .. } if problem.is_at(&["people", "*", "fte"]) => {
            fte_out_of_range(*value)
        }
        Problem::WrongType {
            found: Found::List, ..
        } if problem.is_at(&["raci", "*", "accountable"]) => Wording {
            message:
                "exactly one person is accountable: move the others to `responsible` or `consulted`"
                    .to_owned(),
            help: "write one name, as in `accountable = \"...\"`".to_owned(),
        },
        Problem::UnknownKey { key, expected, .. } if problem.is_at(&["rules"]) => Wording {
            message: format!("unknown rule `{}` in [rules]", shorten(key, 60)),
            help: closest(key, expected).map_or_else(
                || "`teamplan explain --list` lists the rules".to_owned(),
                |s| format!("did you mean `{s}`?"),
            ),
        },
        _ => default,
    }
}

fn build(
    source: &Arc<SourceFile>,
    file: TeamFile,
    store: &mut CatalogStore,
    options: LoadOptions,
) -> Result<Team, Vec<Finding>> {
    let mut errors = Vec::new();
    let shape = |span: Range<usize>, message: String, help: &str| {
        Finding::new(Rule::ParseError, source, Some(span), message, help)
    };
    let Some(team) = file.team else {
        return Err(Vec::new());
    };
    let team_span = team.span();
    let section = team.into_inner();
    let name = section.name.get_ref().trim().to_owned();
    if name.is_empty() {
        errors.push(shape(
            section.name.span(),
            "the team name is empty".into(),
            "give the team a name: `name = \"Web shop\"`",
        ));
    }

    if let Some(limits) = &file.limits {
        errors.push(shape(
            limits.span(),
            "a team file has no [limits]: the limits are its catalog's, or its org's".into(),
            "move [limits] into the org file, or into a custom catalog",
        ));
    }
    let (catalog, department) = match (&section.catalog, options.org_catalog) {
        (None, Some(org)) => (Ok((Arc::clone(org), None)), None),
        (None, None) => (
            Err(vec![shape(
                team_span.clone(),
                "the [team] table has no `catalog`".into(),
                &no_catalog_help(source.path(), options),
            )]),
            None,
        ),
        (Some(named), None) => (
            super::catalog_ref::resolve_catalog(source, named, store, options),
            None,
        ),
        (Some(named), Some(org)) => {
            match super::catalog_ref::resolve_catalog(source, named, store, options) {
                Ok((own, file)) if own.id == org.id && file.is_none() => {
                    (Ok((Arc::clone(org), None)), None)
                }
                // Another business's catalog is no department of this one.
                Ok((own, None)) if BUSINESS_IDS.contains(&own.id.as_str()) => (
                    Err(vec![shape(
                        named.span(),
                        format!(
                            "a unit of an org on `{}` cannot name the `{}` catalog: that is another kind of business, not a department",
                            org.id, own.id
                        ),
                        "leave `catalog` out (the unit is then simply part of the org), or name a department catalog: marketing-team, it-team, warehouse-team",
                    )]),
                    None,
                ),
                Ok((own, file)) => (Ok((Arc::clone(org), file)), Some(own)),
                Err(e) => (Err(e), None),
            }
        }
    };

    let mut people = Vec::with_capacity(file.people.len());
    for (key, entry) in file.people {
        let entry = entry.into_inner();
        people.push(Box::new(build_person(source, key, entry, &mut errors)));
    }
    let roster = if options.roster {
        people.clone()
    } else {
        Vec::new()
    };
    let off = set_aside(&mut people, options.at);
    check_currency(source, section.currency.as_ref(), &mut errors);

    let overrides = file
        .raci
        .into_iter()
        .map(|(key, entry)| {
            let entry = entry.into_inner();
            RaciOverride {
                activity: Ref::from(key),
                accountable: entry.accountable.map(Ref::from),
                responsible: entry
                    .responsible
                    .map(|v| v.into_iter().map(Ref::from).collect()),
                consulted: entry
                    .consulted
                    .map(|v| v.into_iter().map(Ref::from).collect()),
                informed: entry
                    .informed
                    .map(|v| v.into_iter().map(Ref::from).collect()),
            }
        })
        .collect();

    let levels = rule_levels(file.rules, source, &mut errors);

    match catalog {
        Err(mut e) => {
            errors.append(&mut e);
            Err(errors)
        }
        Ok(_) if !errors.is_empty() => Err(errors),
        Ok((catalog, catalog_file)) => Ok(Team {
            source: Arc::clone(source),
            name,
            span: team_span,
            catalog,
            catalog_file,
            description: section.description,
            people,
            off,
            roster,
            at: options.at,
            currency: section.currency,
            overrides,
            levels,
            department,
            org: None,
        }),
    }
}

/// Rule levels from a `[rules]` table, and its unknown rules as findings.
fn rule_levels(
    rules: IndexMap<Spanned<String>, Spanned<crate::diag::rule::LintLevel>>,
    source: &Arc<SourceFile>,
    errors: &mut Vec<Finding>,
) -> Vec<(Rule, crate::diag::rule::LintLevel)> {
    let mut levels = Vec::new();
    let mut unknown_rules = Vec::new();
    for (key, level) in rules {
        match key.get_ref().parse::<Rule>() {
            Ok(rule) => levels.push((rule, *level.get_ref())),
            Err(_) => unknown_rules.push(Problem::UnknownKey {
                path: vec![Step::Key("rules".to_owned())],
                span: key.span(),
                key: key.into_inner(),
                expected: Rule::configurable().map(|r| r.name().to_owned()).collect(),
            }),
        }
    }
    // Worded and grouped as the shape check words unknown keys (thousands read as six).
    errors.append(&mut shape_findings(&unknown_rules, source, reword));
    levels
}

/// The help for a team file with no catalog and no org: name one; or, when its org file
/// is there but did not load (its own error says why), that it will be checked with it.
/// Outside a repository the org is searched for no higher than the current folder, and
/// nothing above it is read: the help says how to reach an org file there.
fn no_catalog_help(path: &Path, options: LoadOptions<'_>) -> String {
    use crate::input::root::{Root, lexical};
    const HELP: &str = "add `catalog = \"b2b\"` (`teamplan catalog list` lists them), or keep the file in the folder of an org file";
    let start = lexical(path.parent().unwrap_or(Path::new(".")));
    let bounds = Root::for_path(path, None);
    let in_repo = bounds.dir().join(".git").symlink_metadata().is_ok();
    let reach = if in_repo {
        Some(bounds)
    } else {
        std::env::current_dir()
            .ok()
            .map(|cwd| Root::at(&cwd))
            .filter(|cwd| cwd.contains(&start))
    };
    let org = reach.and_then(|reach| {
        crate::input::org::org_above(&start, &reach, options.max_file_size)
            .ok()
            .flatten()
    });
    match org {
        Some(org) => format!(
            "{} is the org file of this folder, but it did not load (its error says why): once it does, this file is checked as one of its units",
            org.display()
        ),
        None if !in_repo => format!(
            "{HELP}; outside a repository the org file is searched for no higher than the current folder: if it is above, run teamplan from its folder or pass `--root DIR`"
        ),
        None => HELP.to_owned(),
    }
}

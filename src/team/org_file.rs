//! Loading an org file: the `[org]` table, its limits and levels. People and overrides
//! belong in its units.

use std::ops::Range;
use std::sync::Arc;

use super::catalog_ref::resolve_catalog;
use super::file::TeamFile;
use super::model::{Org, Team};
use super::options::LoadOptions;
use crate::catalog::CatalogStore;
use crate::diag::finding::Finding;
use crate::diag::rule::{LintLevel, Rule};
use crate::diag::source::SourceFile;

/// An org file: its name, catalog (with the org's limits), description, currency and
/// levels; people and overrides belong in its units.
pub(super) fn build_org(
    source: &Arc<SourceFile>,
    file: TeamFile,
    levels: Vec<(Rule, LintLevel)>,
    mut errors: Vec<Finding>,
    store: &mut CatalogStore,
    options: LoadOptions,
) -> Result<Team, Vec<Finding>> {
    let shape = |span: Range<usize>, message: &str, help: &str| {
        Finding::new(Rule::ParseError, source, Some(span), message, help)
    };
    let Some(org) = file.org else {
        return Err(Vec::new());
    };
    if let Some(team) = &file.team {
        errors.push(shape(
            team.span(),
            "a file is an org or a team, not both: this one has [org] and [team]",
            "move the [team] table and its people into a team file beside the org file: it becomes a unit of the org",
        ));
    }
    if let Some((key, _)) = file.people.first() {
        errors.push(shape(
            key.span(),
            "an org file has no people of its own: they belong in its units",
            "move the [people.*] tables into a team file in this folder (a unit of the org)",
        ));
    }
    if let Some((key, _)) = file.raci.first() {
        errors.push(shape(
            key.span(),
            "an org file has no [raci] overrides: they belong in its units",
            "move the [raci.*] tables into the unit whose people they name",
        ));
    }
    let span = org.span();
    let org = org.into_inner();
    let name = org.name.get_ref().trim().to_owned();
    if name.is_empty() {
        errors.push(shape(
            org.name.span(),
            "the org name is empty",
            "give the org a name: `name = \"Northstar Industrial\"`",
        ));
    }
    let options = LoadOptions {
        org_catalog: None,
        ..options
    };
    let catalog = resolve_catalog(source, &org.catalog, store, options);
    let (catalog, catalog_file) = match catalog {
        Ok(found) => found,
        Err(mut e) => {
            errors.append(&mut e);
            return Err(errors);
        }
    };
    let catalog = match file.limits {
        None => catalog,
        Some(limits) => {
            let limits = limits.into_inner();
            let mut own = (*catalog).clone();
            if let Some(ra) = limits.ra_per_fte {
                let v = *ra.get_ref();
                if v.is_nan() || v <= 0.0 {
                    errors.push(shape(
                        ra.span(),
                        &format!("`ra-per-fte` must be more than 0, not {v}"),
                        "it is how many activities a full-time person may be accountable or responsible for",
                    ));
                }
                own.limits.ra_per_fte = v;
            }
            if let Some(n) = limits.roles_per_person {
                own.limits.roles_per_person = n;
            }
            Arc::new(own)
        }
    };
    super::person::check_currency(source, org.currency.as_ref(), &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Team {
        source: Arc::clone(source),
        name,
        span,
        catalog,
        catalog_file,
        description: org.description,
        people: Vec::new(),
        off: Vec::new(),
        roster: Vec::new(),
        at: options.at,
        currency: org.currency,
        overrides: Vec::new(),
        levels,
        department: None,
        org: Some(Org { units: Vec::new() }),
    })
}

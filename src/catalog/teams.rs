//! Linking a catalog's team names (`it-team`): each a kebab-case id of its own, naming roles
//! of the catalog, with a basis checked as any other.

use super::basis::Basis;
use super::model::{RoleIdx, TeamName};
use super::raw::{CatalogProblem, RawCatalog};
use super::why::checked;

/// The team names of `raw`, their roles linked; every problem pushed. `fits` says whether a
/// name may be a team name (a kebab-case id no role, alias or activity has).
pub fn link(
    raw: &RawCatalog,
    role: &dyn Fn(&str) -> Option<RoleIdx>,
    fits: &dyn Fn(&str) -> bool,
    known: &dyn Fn(&str) -> bool,
    problems: &mut Vec<CatalogProblem>,
) -> Vec<TeamName> {
    let mut teams = Vec::with_capacity(raw.teams.len());
    for (id, team) in &raw.teams {
        let owner = format!("team name `{id}`");
        if !fits(id) {
            problems.push(CatalogProblem::new(
                None,
                format!("{owner} is not a kebab-case id of its own"),
                "a team name is lowercase words joined by hyphens, and no role, alias or activity id",
            ));
            continue;
        }
        let mut roles = Vec::new();
        for name in &team.roles {
            match role(name) {
                Some(r) if !roles.contains(&r) => roles.push(r),
                Some(_) => {}
                None => problems.push(CatalogProblem::new(
                    None,
                    format!("{owner} names role `{name}`, which is not in the catalog"),
                    "list the roles of the catalog the team's people hold",
                )),
            }
        }
        if roles.is_empty() {
            problems.push(CatalogProblem::new(
                None,
                format!("{owner} names no role"),
                "list the roles its people hold: `roles = [\"...\"]`",
            ));
            continue;
        }
        let basis: Option<Basis> = team
            .basis
            .as_ref()
            .and_then(|b| checked(b, &owner, known, None, problems));
        teams.push(TeamName {
            id: id.clone(),
            roles,
            basis,
        });
    }
    teams
}

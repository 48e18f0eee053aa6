//! The rules of an org's units: a department catalog's coverage inside its unit, and one
//! override per activity across the units.

use std::collections::HashMap;

use super::out::Out;
use crate::catalog::Requirement;
use crate::diag::finding::Context;
use crate::diag::rule::Rule;

pub(super) fn check(out: &mut Out<'_, '_>) {
    department_coverage(out);
    duplicate_overrides(out);
}

/// Each unit with a department catalog holds that department's required and recommended
/// roles among its own people. A role nobody in the org holds is said once, by the org's
/// `missing-role` or `missing-recommended-role`, when the org's catalog asks for it.
fn department_coverage(out: &mut Out<'_, '_>) {
    let r = out.resolved;
    let team = r.team;
    let Some(org) = &team.org else { return };
    for unit in &org.units {
        let Some(department) = &unit.department else {
            continue;
        };
        for role in &department.roles {
            let rule = match role.requirement {
                Requirement::Required => Rule::MissingRole,
                Requirement::Recommended => Rule::MissingRecommendedRole,
                Requirement::Optional => continue,
            };
            let in_org = team.catalog.role(&role.id);
            let held_here = in_org.is_some_and(|idx| {
                unit.people
                    .iter()
                    .any(|&p| r.person_roles[p].contains(&idx))
            });
            if held_here {
                continue;
            }
            let said_by_org = in_org.is_some_and(|idx| {
                r.holders[idx].is_empty() && team.catalog.roles[idx].requirement <= role.requirement
            });
            if said_by_org {
                continue;
            }
            let kind = if rule == Rule::MissingRole {
                "requires"
            } else {
                "recommends"
            };
            let department_title = &department.title;
            let elsewhere = in_org
                .map(|idx| r.holders[idx].as_slice())
                .filter(|h| !h.is_empty())
                .map(|h| {
                    let names: Vec<String> = h.iter().map(|&p| out.person_name(p)).collect();
                    format!(" (other units have {})", super::out::short_list(&names, 3))
                })
                .unwrap_or_default();
            out.push(
                rule,
                unit.base + unit.span.start..unit.base + unit.span.end,
                format!(
                    "no one in the unit {} holds {}, which a department on the `{}` catalog ({department_title}) {kind}{elsewhere}",
                    unit.name, role.title, department.id
                ),
                format!(
                    "add \"{}\" to the roles of someone in this unit, or leave out the unit's `catalog` to check it only as part of the org",
                    role.id
                ),
                Context {
                    role: Some(role.id.clone()),
                    ..Context::default()
                },
            );
        }
    }
}

/// Two units overriding the same activity: the second is an error.
fn duplicate_overrides(out: &mut Out<'_, '_>) {
    let team = out.resolved.team;
    if team.org.is_none() {
        return;
    }
    let mut first: HashMap<usize, usize> = HashMap::new();
    for (o, over) in team.overrides.iter().enumerate() {
        let Some(activity) = team.catalog.activity(&over.activity.name) else {
            continue;
        };
        let Some(&earlier) = first.get(&activity) else {
            first.insert(activity, o);
            continue;
        };
        let there = team.locate(team.overrides[earlier].activity.span.clone());
        let name = &team.catalog.activities[activity].id;
        out.push(
            Rule::DuplicateOverride,
            over.activity.span.clone(),
            format!(
                "[raci.{name}] is also overridden in {}: an org has one override per activity",
                there.source.path().display()
            ),
            "keep one of the two overrides, in the unit that owns the activity".to_owned(),
            Context {
                activity: Some(name.clone()),
                ..Context::default()
            },
        );
    }
}

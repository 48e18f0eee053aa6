//! Rules about the resolved matrix: no-accountable, no-responsible, multiple-accountable,
//! not-consulted, not-informed, outsourced-accountability, unknown-person, unknown-activity.

use std::collections::BTreeMap;
use std::ops::Range;

use super::out::{Out, short_list};
use crate::catalog::{Requirement, RoleIdx};
use crate::diag::finding::Context;
use crate::diag::rule::Rule;
use crate::diag::suggest;
use crate::resolve::{Letters, Row};
use crate::team::Engagement;

pub(super) fn check(out: &mut Out<'_, '_>) {
    unknown_references(out);
    accountable_and_responsible(out);
    must_consult_and_inform(out);
    outsourced_accountability(out);
}

/// Where a finding about a row belongs: its override table, or the `[team]` table.
fn row_span(out: &Out<'_, '_>, row: &Row) -> Range<usize> {
    let team = out.resolved.team;
    row.override_idx.map_or_else(
        || team.span.clone(),
        |o| team.overrides[o].activity.span.clone(),
    )
}

fn activity_context(out: &Out<'_, '_>, row: &Row) -> Context {
    Context {
        activity: Some(
            out.resolved.team.catalog.activities[row.activity]
                .id
                .clone(),
        ),
        ..Context::default()
    }
}

fn unknown_references(out: &mut Out<'_, '_>) {
    let r = out.resolved;
    let team = r.team;
    for &o in &r.unknown_activities {
        let reference = &team.overrides[o].activity;
        let hint = suggest::hint(&reference.name, team.catalog.activity_names());
        out.push(
            Rule::UnknownActivity,
            reference.span.clone(),
            format!(
                "[raci.{}] names no activity of the `{}` catalog",
                reference.name, team.catalog.id
            ),
            hint.unwrap_or_else(|| {
                format!(
                    "`teamplan catalog show {}` lists the activities",
                    team.catalog.id
                )
            }),
            Context {
                activity: Some(reference.name.to_string()),
                ..Context::default()
            },
        );
    }
    let misspelt: Vec<&str> = r
        .unknown_refs
        .iter()
        .map(|u| u.reference.name.as_str())
        .collect();
    let names = team
        .people
        .iter()
        .map(|p| &*p.id)
        .chain(team.catalog.role_names());
    let suggestions = suggest::did_you_mean_each(&misspelt, names);
    for (unknown, suggestion) in r.unknown_refs.iter().zip(suggestions) {
        let reference = &unknown.reference;
        let hint = suggestion.map(|s| format!("did you mean `{s}`?"));
        out.push(
            Rule::UnknownPerson,
            reference.span.clone(),
            format!(
                "`{}` is neither a person of this team nor a role of the `{}` catalog",
                reference.name, team.catalog.id
            ),
            hint.unwrap_or_else(|| "name a person id from [people] or a role id".to_owned()),
            Context {
                person: Some(reference.name.to_string()),
                activity: Some(
                    team.overrides[unknown.override_idx]
                        .activity
                        .name
                        .to_string(),
                ),
                ..Context::default()
            },
        );
    }
}

/// A row the catalog assigns to a required role nobody holds: `missing-role` reports it.
/// An override row whose only names for the letter were unknown: `unknown-person` reports it.
fn covered_by_earlier_finding(out: &Out<'_, '_>, row: &Row, letter: Letters) -> bool {
    let r = out.resolved;
    let catalog = &r.team.catalog;
    // Nobody carries the role's work, and its chain ends at a required role nobody holds.
    let missing = |role: RoleIdx| {
        r.gap_at(role)
            .is_some_and(|end| catalog.roles[end].requirement == Requirement::Required)
    };
    if let Some(o) = row.override_idx {
        // A letter the override names is its own; one it leaves out is the catalog's.
        let ov = &r.team.overrides[o];
        let named: Option<Vec<&crate::team::Ref>> = if letter == Letters::A {
            ov.accountable.as_ref().map(|a| vec![a])
        } else {
            ov.responsible.as_ref().map(|refs| refs.iter().collect())
        };
        if let Some(refs) = named {
            let unknown = r
                .unknown_refs
                .iter()
                .any(|u| u.override_idx == o && u.letter == letter);
            // Roles named whose work reaches nobody for want of a required role: the
            // `missing-role` of that role says it.
            let gone = !refs.is_empty()
                && refs.iter().all(|x| {
                    !r.team.people.iter().any(|p| *p.id == *x.name)
                        && catalog.role(&x.name).is_some_and(missing)
                });
            return unknown || gone;
        }
    }
    let raci = &catalog.activities[row.activity].raci;
    if letter == Letters::A {
        missing(raci.accountable)
    } else {
        missing(raci.accountable) || raci.responsible.iter().any(|&role| missing(role))
    }
}

fn accountable_and_responsible(out: &mut Out<'_, '_>) {
    let r = out.resolved;
    let catalog = &r.team.catalog;
    // Shared accountable roles are one cause however many activities they touch.
    let mut shared_roles: BTreeMap<RoleIdx, Vec<String>> = BTreeMap::new();
    for row in &r.rows {
        let activity = &catalog.activities[row.activity];
        let accountable: Vec<usize> = row.people_with(Letters::A).collect();
        if accountable.is_empty() && !covered_by_earlier_finding(out, row, Letters::A) {
            let why = if row.override_idx.is_some() {
                "its [raci] override names no accountable person who is on the team"
            } else {
                "no one holds its accountable role"
            };
            out.push(
                Rule::NoAccountable,
                row_span(out, row),
                format!("`{}` ({}) has no one accountable: {why}", activity.id, activity.title),
                "set `accountable = \"PERSON-OR-ROLE\"`: exactly one person answers for each activity".to_owned(),
                activity_context(out, row),
            );
        }
        if row.people_with(Letters::R).next().is_none()
            && !covered_by_earlier_finding(out, row, Letters::R)
        {
            out.push(
                Rule::NoResponsible,
                row_span(out, row),
                format!(
                    "`{}` ({}) has no one responsible for doing the work",
                    activity.id, activity.title
                ),
                "set `responsible = [\"PERSON-OR-ROLE\"]`".to_owned(),
                activity_context(out, row),
            );
        }
        if accountable.len() > 1 {
            // The role whose holders carry the A (the accountable role named, or the nearest
            // held role up its chain when nobody holds it): several hold it, none leads it.
            let accountable_role = match row
                .override_idx
                .and_then(|o| r.team.overrides[o].accountable.as_ref())
            {
                None => Some(activity.raci.accountable),
                Some(a) if r.team.people.iter().any(|p| *p.id == *a.name) => None,
                Some(a) => catalog.role(&a.name),
            };
            let leaderless = accountable_role
                .map(|role| r.carrier[role].unwrap_or(role))
                .filter(|&held| r.holders[held].len() > 1 && r.leads[held].is_none());
            if let Some(held) = leaderless {
                shared_roles
                    .entry(held)
                    .or_default()
                    .push(activity.id.clone());
            } else {
                let names: Vec<String> = accountable.iter().map(|&p| out.person_label(p)).collect();
                let mut context = activity_context(out, row);
                context.people = accountable
                    .iter()
                    .map(|&p| r.team.people[p].id.to_string())
                    .collect();
                out.push(
                    Rule::MultipleAccountable,
                    row_span(out, row),
                    format!(
                        "`{}` has {} people accountable: {}",
                        activity.id,
                        accountable.len(),
                        names.join(", ")
                    ),
                    "name one person as `accountable`; others can be responsible".to_owned(),
                    context,
                );
            }
        }
    }
    for (role, activities) in shared_roles {
        let holders = &r.holders[role];
        let names: Vec<String> = holders.iter().map(|&p| out.person_label(p)).collect();
        let span = holders
            .get(1)
            .map_or_else(|| r.team.span.clone(), |&p| out.role_entry_span(p, role));
        let message = format!(
            "{} is held by {} and none leads it, so {} {} more than one person accountable ({})",
            out.role_label(role),
            short_list(&names, 6),
            activities.len(),
            if activities.len() == 1 {
                "activity has"
            } else {
                "activities have"
            },
            short_list(&activities, 4)
        );
        out.push(
            Rule::NoLead,
            span,
            message,
            format!(
                "add `leads = [\"{}\"]` to the one who answers for it; the others keep its R, C and I",
                catalog.roles[role].id
            ),
            Context {
                role: Some(catalog.roles[role].id.clone()),
                people: holders.iter().map(|&p| r.team.people[p].id.to_string()).collect(),
                activities,
                ..Context::default()
            },
        );
    }
}

fn must_consult_and_inform(out: &mut Out<'_, '_>) {
    let r = out.resolved;
    let catalog = &r.team.catalog;
    for row in &r.rows {
        let activity = &catalog.activities[row.activity];
        let checks = [
            (
                Rule::NotConsulted,
                &activity.must_consult,
                "consult",
                "consulted",
            ),
            (
                Rule::NotInformed,
                &activity.must_inform,
                "inform",
                "informed",
            ),
        ];
        for (rule, roles, verb, key) in checks {
            for &role in roles {
                let holders = &r.holders[role];
                if holders.is_empty() {
                    continue;
                }
                let reached = holders.iter().any(|&p| {
                    let l = row.by_person.get(p);
                    if rule == Rule::NotConsulted {
                        l.is_ra() || l.has(Letters::C)
                    } else {
                        !l.is_empty()
                    }
                });
                if !reached {
                    let mut context = activity_context(out, row);
                    context.role = Some(catalog.roles[role].id.clone());
                    out.push(
                        rule,
                        row_span(out, row),
                        format!(
                            "`{}` must {verb} {} but leaves them out",
                            activity.id,
                            out.role_label(role)
                        ),
                        format!(
                            "add \"{}\" to `{key}` of [raci.{}]",
                            catalog.roles[role].id, activity.id
                        ),
                        context,
                    );
                }
            }
        }
    }
}

fn outsourced_accountability(out: &mut Out<'_, '_>) {
    let r = out.resolved;
    let team = r.team;
    let catalog = &team.catalog;
    // (person, override) → activities
    let mut groups: BTreeMap<(usize, Option<usize>), Vec<String>> = BTreeMap::new();
    for row in &r.rows {
        let activity = &catalog.activities[row.activity];
        if !activity.keep_in_house {
            continue;
        }
        for p in row.people_with(Letters::A) {
            if team.people[p].engagement != Engagement::Employee {
                groups
                    .entry((p, row.override_idx))
                    .or_default()
                    .push(activity.id.clone());
            }
        }
    }
    for ((p, override_idx), activities) in groups {
        let person = &team.people[p];
        let span = override_idx.map_or_else(
            || person.roles_span.clone(),
            |o| team.overrides[o].activity.span.clone(),
        );
        out.push(
            Rule::OutsourcedAccountability,
            span,
            format!(
                "{} is {} {} and accountable for {} to keep in-house: {}",
                out.person_label(p),
                if person.engagement == Engagement::Agency {
                    "an"
                } else {
                    "a"
                },
                person.engagement.as_str(),
                if activities.len() == 1 {
                    "an activity"
                } else {
                    "activities"
                },
                short_list(&activities, 4)
            ),
            "make an employee accountable (an agency or contractor can stay responsible)"
                .to_owned(),
            Context {
                person: Some(person.id.to_string()),
                activities,
                ..Context::default()
            },
        );
    }
}

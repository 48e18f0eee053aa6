//! Rules about who holds which role: missing-role, missing-recommended-role,
//! shared-single-role, conflicting-roles, unknown-role, person-without-roles.

use super::out::{Out, short_list};
use crate::catalog::Requirement;
use crate::diag::finding::Context;
use crate::diag::rule::Rule;
use crate::diag::suggest;

pub(super) fn check(out: &mut Out<'_, '_>) {
    missing_roles(out);
    shared_single_roles(out);
    conflicting_roles(out);
    unknown_roles(out);
    team_names(out);
    lead_problems(out);
    people_without_roles(out);
}

/// A team name among a person's roles: the roles it stands for, said.
fn team_names(out: &mut Out<'_, '_>) {
    let r = out.resolved;
    let catalog = &r.team.catalog;
    for (p, reference) in &r.team_names {
        let Some(team) = catalog.team_name(&reference.name) else {
            continue;
        };
        let roles = catalog.role_ids(&team.roles);
        let listed_too = r.team.people[*p].roles.iter().any(|x| {
            catalog
                .role(&x.name)
                .is_some_and(|role| team.roles.contains(&role))
        });
        let (what, help) = match roles.as_slice() {
            [one] if listed_too => (
                format!("counts as the role `{one}`, which they hold already"),
                format!("remove \"{}\": a team name is no role", reference.name),
            ),
            [one] => (
                format!("counts as the role `{one}`"),
                format!("write \"{one}\", the role"),
            ),
            _ => (
                "gives them none of its roles".to_owned(),
                format!(
                    "list the roles {} holds: one or more of {}",
                    r.team.people[*p].name,
                    roles.join(", ")
                ),
            ),
        };
        out.push(
            Rule::TeamAsRole,
            reference.span.clone(),
            format!(
                "{} lists `{}`, a team, among their roles: it {what}",
                out.person_label(*p),
                reference.name
            ),
            help,
            Context {
                role: Some(reference.name.to_string()),
                person: Some(r.team.people[*p].id.to_string()),
                roles,
                ..Context::default()
            },
        );
    }
}

/// A `leads` entry naming a role the person does not hold, or one led already.
fn lead_problems(out: &mut Out<'_, '_>) {
    let r = out.resolved;
    let catalog = &r.team.catalog;
    for problem in &r.lead_problems {
        let who = out.person_label(problem.person);
        let led = &problem.reference.name;
        // A misspelt role in the person's `roles` is the cause: said there first.
        let misspelt_roles = r.unknown_roles.iter().any(|(p, _)| *p == problem.person);
        let (rule, message, help) = match problem.led_by {
            None if misspelt_roles && catalog.role(led).is_some() => continue,
            None if catalog.role(led).is_some() => (
                Rule::LeadNotHeld,
                format!("{who} leads `{led}`, which is not one of their roles"),
                format!("add \"{led}\" to their `roles`, or remove it from `leads`"),
            ),
            None if catalog.team_name(led).is_some() => (
                Rule::LeadNotHeld,
                format!("{who} leads `{led}`, a team: a lead leads one role"),
                "name in `leads` the role they lead among the people holding it".to_owned(),
            ),
            None => (
                Rule::LeadNotHeld,
                format!(
                    "{who} leads `{led}`, which is not a role of the `{}` catalog",
                    catalog.id
                ),
                // The roles the person holds first: a lead leads one of them.
                suggest::hint(
                    led,
                    r.team.people[problem.person]
                        .roles
                        .iter()
                        .map(|x| x.name.as_str()),
                )
                .or_else(|| suggest::hint(led, catalog.role_names()))
                .unwrap_or_else(|| "name one of the person's roles in `leads`".to_owned()),
            ),
            Some(first) => (
                Rule::MultipleLeads,
                format!(
                    "{who} leads {}, which {} leads already",
                    catalog
                        .role(led)
                        .map_or_else(|| format!("`{led}`"), |role| out.role_label(role)),
                    out.person_label(first)
                ),
                "a role has one lead: keep it in one person's `leads`".to_owned(),
            ),
        };
        out.push(
            rule,
            problem.reference.span.clone(),
            message,
            help,
            Context {
                role: Some(led.to_string()),
                person: Some(r.team.people[problem.person].id.to_string()),
                ..Context::default()
            },
        );
    }
}

fn missing_roles(out: &mut Out<'_, '_>) {
    let r = out.resolved;
    let catalog = &r.team.catalog;
    for (idx, role) in catalog.roles.iter().enumerate() {
        if !r.holders[idx].is_empty() {
            continue;
        }
        match role.requirement {
            Requirement::Required => {
                let (ahead, overdue) = super::planning::waiting(r.team, idx);
                if !ahead.is_empty() {
                    super::planning::planned_hire(out, idx, &ahead);
                    continue;
                }
                let left: Vec<String> = r
                    .rows
                    .iter()
                    .filter(|row| row.override_idx.is_none())
                    .filter(|row| {
                        let a = &catalog.activities[row.activity];
                        // The row names this role, or a role whose work falls to it.
                        let leads_here = |role| r.gap_at(role) == Some(idx);
                        let uses = leads_here(a.raci.accountable)
                            || a.raci.responsible.iter().any(|&role| leads_here(role));
                        let nobody = |l| row.people_with(l).next().is_none();
                        uses && (nobody(crate::resolve::Letters::A)
                            || nobody(crate::resolve::Letters::R))
                    })
                    .map(|row| catalog.activities[row.activity].id.clone())
                    .collect();
                let message = if left.is_empty() {
                    format!("no one holds the required role {}", out.role_label(idx))
                } else {
                    format!(
                        "no one holds the required role {}: {} {} no one accountable or responsible ({})",
                        out.role_label(idx),
                        left.len(),
                        if left.len() == 1 {
                            "activity has"
                        } else {
                            "activities have"
                        },
                        short_list(&left, 4)
                    )
                };
                let help = match overdue.first() {
                    None => format!(
                        "add \"{}\" to the roles of the person who does this work",
                        role.id
                    ),
                    Some(position) => format!(
                        "{} was to start on {}: once hired, remove its `status = \"open\"`; until then, add \"{}\" to the roles of someone on the team",
                        super::planning::label(position),
                        position.start().map_or_else(String::new, |d| d.to_string()),
                        role.id
                    ),
                };
                let span = out.resolved.team.span.clone();
                out.push(
                    Rule::MissingRole,
                    span,
                    message,
                    help,
                    Context {
                        role: Some(role.id.clone()),
                        activities: left,
                        ..Context::default()
                    },
                );
            }
            Requirement::Recommended => {
                let span = out.resolved.team.span.clone();
                // Who carries the work now, up the role's `reports-to` chain.
                let falls_to = out.resolved.carrier[idx].map(|carrier| {
                    let people: Vec<String> = out.resolved.holders[carrier]
                        .iter()
                        .map(|&p| out.person_name(p))
                        .collect();
                    format!(
                        "; its work falls to {}, {}",
                        short_list(&people, 3),
                        out.resolved.team.catalog.roles[carrier].title
                    )
                });
                out.push(
                    Rule::MissingRecommendedRole,
                    span,
                    format!(
                        "no one holds the recommended role {}{}",
                        out.role_label(idx),
                        falls_to.unwrap_or_default()
                    ),
                    format!(
                        "add \"{}\" to someone's roles, or set `missing-recommended-role = \"allow\"` in [rules] if the team goes without on purpose",
                        role.id
                    ),
                    Context {
                        role: Some(role.id.clone()),
                        ..Context::default()
                    },
                );
            }
            Requirement::Optional => {}
        }
    }
}

fn shared_single_roles(out: &mut Out<'_, '_>) {
    let r = out.resolved;
    let catalog = &r.team.catalog;
    for (idx, role) in catalog.roles.iter().enumerate() {
        let holders = &r.holders[idx];
        if !role.single || holders.len() < 2 {
            continue;
        }
        let names: Vec<String> = holders.iter().map(|&p| out.person_label(p)).collect();
        let span = out.role_entry_span(holders[1], idx);
        out.push(
            Rule::SharedSingleRole,
            span,
            format!(
                "{} is meant for one person but is held by {}",
                out.role_label(idx),
                short_list(&names, 6)
            ),
            "keep one holder and give the others a different role; if it is shared on purpose, name its lead (`leads = [\"ROLE\"]`) so one person decides, and set `shared-single-role = \"allow\"` in [rules]"
                .to_owned(),
            Context {
                role: Some(role.id.clone()),
                people: holders
                    .iter()
                    .map(|&p| r.team.people[p].id.to_string())
                    .collect(),
                ..Context::default()
            },
        );
    }
}

fn conflicting_roles(out: &mut Out<'_, '_>) {
    let r = out.resolved;
    let catalog = &r.team.catalog;
    for (p, roles) in r.person_roles.iter().enumerate() {
        for (i, &a) in roles.iter().enumerate() {
            for &b in &roles[i + 1..] {
                if catalog.roles[a].conflicts.contains(&b)
                    || catalog.roles[b].conflicts.contains(&a)
                {
                    let span = out.role_entry_span(p, b);
                    out.push(
                        Rule::ConflictingRoles,
                        span,
                        format!(
                            "{} holds both {} and {}, which should be kept apart",
                            out.person_label(p),
                            out.role_label(a),
                            out.role_label(b)
                        ),
                        format!(
                            "give \"{}\" to someone else, so no one checks their own work",
                            catalog.roles[b].id
                        ),
                        Context {
                            person: Some(r.team.people[p].id.to_string()),
                            roles: vec![catalog.roles[a].id.clone(), catalog.roles[b].id.clone()],
                            ..Context::default()
                        },
                    );
                }
            }
        }
    }
}

fn unknown_roles(out: &mut Out<'_, '_>) {
    let r = out.resolved;
    let catalog = &r.team.catalog;
    // One misspelling is often copied into many files of an org: each is looked up once.
    let mut hints: std::collections::HashMap<&str, Option<String>> =
        std::collections::HashMap::new();
    for (p, reference) in &r.unknown_roles {
        let hint = hints
            .entry(&reference.name)
            .or_insert_with(|| suggest::hint(&reference.name, catalog.role_names()))
            .clone();
        out.push(
            Rule::UnknownRole,
            reference.span.clone(),
            format!(
                "{} has the role `{}`, which is not in the `{}` catalog",
                out.person_label(*p),
                reference.name,
                catalog.id
            ),
            hint.unwrap_or_else(|| {
                format!("`teamplan catalog show {}` lists the roles", catalog.id)
            }),
            Context {
                role: Some(reference.name.to_string()),
                person: Some(r.team.people[*p].id.to_string()),
                ..Context::default()
            },
        );
    }
}

fn people_without_roles(out: &mut Out<'_, '_>) {
    let r = out.resolved;
    for (p, person) in r.team.people.iter().enumerate() {
        if person.roles.is_empty() {
            out.push(
                Rule::PersonWithoutRoles,
                person.span.clone(),
                format!("{} holds no role", out.person_label(p)),
                "add `roles = [\"...\"]` to the person, or remove them from the team".to_owned(),
                Context {
                    person: Some(person.id.to_string()),
                    ..Context::default()
                },
            );
        }
    }
}

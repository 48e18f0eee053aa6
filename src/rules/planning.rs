//! Rules of a dated plan: planned-hire (a required role waiting for an open position or a
//! person yet to start), the leaver an open position `backfills`, and the roles of whoever
//! holds nothing on the day checked (a misspelt one is said now, not when they start).

use super::out::{Out, short_list};
use crate::catalog::RoleIdx;
use crate::diag::finding::Context;
use crate::diag::rule::Rule;
use crate::diag::suggest;
use crate::team::{Person, Team};

/// Who, set aside on the day checked, would hold `role`: those whose start is still ahead
/// (open positions and people yet to start), and the open positions whose start has passed.
pub(super) fn waiting(team: &Team, role: RoleIdx) -> (Vec<&Person>, Vec<&Person>) {
    let holds = |p: &&Person| {
        p.roles
            .iter()
            .any(|r| team.catalog.role(&r.name) == Some(role))
    };
    let ahead = |p: &Person| match (p.start(), team.at) {
        (Some(start), Some(at)) => start > at,
        _ => false,
    };
    let ahead_list = team
        .off
        .iter()
        .map(|p| &**p)
        .filter(holds)
        .filter(|p| ahead(p))
        .collect();
    let overdue = team
        .off
        .iter()
        .map(|p| &**p)
        .filter(holds)
        .filter(|p| p.is_open() && !ahead(p) && team.at.is_none_or(|at| p.present_on(at)))
        .collect();
    (ahead_list, overdue)
}

/// How a position or a person yet to start is named: "the open position `hire-cs`
/// (Customer service representative), from 2027-03-01".
pub(super) fn describe(p: &Person) -> String {
    match p.start() {
        Some(start) => format!("{}, starting {start}", label(p)),
        None => label(p),
    }
}

/// "the open position `hire-cs` (Customer service representative)".
pub(super) fn label(p: &Person) -> String {
    let what = if p.is_open() {
        "the open position"
    } else {
        "the new starter"
    };
    if p.name == p.id {
        format!("{what} `{}`", p.id)
    } else {
        format!("{what} `{}` ({})", p.id, p.name)
    }
}

/// `planned-hire` for a required role nobody holds yet but someone will.
pub(super) fn planned_hire(out: &mut Out<'_, '_>, role: RoleIdx, ahead: &[&Person]) {
    let team = out.resolved.team;
    let first = ahead
        .iter()
        .min_by_key(|p| p.start())
        .copied()
        .unwrap_or(ahead[0]);
    let named: Vec<String> = ahead.iter().map(|p| describe(p)).collect();
    let day = team.at.map(|d| format!(" on {d}")).unwrap_or_default();
    out.push(
        Rule::PlannedHire,
        first.span.clone(),
        format!(
            "no one holds the required role {}{day}: it waits for {}",
            out.role_label(role),
            short_list(&named, 3)
        ),
        format!(
            "until {}, give \"{}\" to someone on the team, or hire sooner; `teamplan plan` shows when each gap closes",
            first.start().map_or_else(|| "then".to_owned(), |d| d.to_string()),
            team.catalog.roles[role].id
        ),
        Context {
            role: Some(team.catalog.roles[role].id.clone()),
            person: Some(first.id.to_string()),
            ..Context::default()
        },
    );
}

/// A `backfills` names a person of the team (present or not): not itself, not only open
/// positions. The ids are gathered once, and only when some entry backfills someone.
pub(super) fn backfills(out: &mut Out<'_, '_>) {
    let team = out.resolved.team;
    let everyone = || team.people.iter().chain(&team.off).map(|p| &*p.id);
    let backfilling =
        |p: &crate::team::Person| p.plan.as_ref().is_some_and(|plan| plan.backfills.is_some());
    if !team.people.iter().chain(&team.off).any(|p| backfilling(p)) {
        return;
    }
    // Per id: whether some entry of it is a person (not an open position).
    let mut ids: foldhash::HashMap<&str, bool> = foldhash::HashMap::default();
    for p in team.people.iter().chain(&team.off) {
        *ids.entry(&p.id).or_default() |= !p.is_open();
    }
    for position in team
        .people
        .iter()
        .chain(&team.off)
        .filter(|p| backfilling(p))
    {
        let Some(leaver) = position.plan.as_ref().and_then(|p| p.backfills.as_ref()) else {
            continue;
        };
        if let Some(&a_person) = ids.get(leaver.name.as_str()) {
            let why = if leaver.name == position.id {
                Some("itself")
            } else if !a_person {
                Some("an open position: a position replaces a person who leaves")
            } else {
                None
            };
            if let Some(why) = why {
                out.push(
                    Rule::UnknownPerson,
                    leaver.span.clone(),
                    format!("`{}` backfills `{}`, {why}", position.id, leaver.name),
                    "name the person id of the leaver this position replaces, or remove `backfills`".to_owned(),
                    Context {
                        person: Some(leaver.name.to_string()),
                        ..Context::default()
                    },
                );
            }
            continue;
        }
        let help = suggest::hint(&leaver.name, everyone()).unwrap_or_else(|| {
            "name the person id (the `[people.ID]` key) of the leaver this position replaces"
                .to_owned()
        });
        out.push(
            Rule::UnknownPerson,
            leaver.span.clone(),
            format!(
                "`{}` backfills `{}`, who is not a person of {}",
                position.id, leaver.name, team.name
            ),
            help,
            Context {
                person: Some(leaver.name.to_string()),
                ..Context::default()
            },
        );
    }
}

/// Units of one org whose `currency` is not the org's (or, when the org names none, not
/// the first unit's): their costs cannot be added up (`plan` refuses them too).
pub(super) fn currencies(out: &mut Out<'_, '_>) {
    let team = out.resolved.team;
    let Some(org) = &team.org else { return };
    let mut first = team
        .currency
        .as_ref()
        .map(|c| (c.get_ref().clone(), "the org's"));
    for unit in &org.units {
        let Some(c) = &unit.currency else { continue };
        match &first {
            None => first = Some((c.get_ref().clone(), "the first unit's")),
            Some((code, whose)) if code != c.get_ref() => {
                let span = c.span();
                out.push(
                    Rule::ParseError,
                    span.start + unit.base..span.end + unit.base,
                    format!(
                        "this unit's currency is {}, but {whose} is {code}: one org's costs are in one currency",
                        c.get_ref()
                    ),
                    if *whose == "the org's" {
                        format!("leave `currency` out of the unit (it takes the org's), or convert its costs to {code}")
                    } else {
                        format!("name the currency once, in the org file (`currency = \"{code}\"`), and convert the units' costs to it")
                    },
                    Context::default(),
                );
            }
            Some(_) => {}
        }
    }
}

/// `unknown-role` for the roles of open positions and of people not there on the day
/// checked: their roles are read now, though they hold them later (or held them before).
pub(super) fn roles_set_aside(out: &mut Out<'_, '_>) {
    let team = out.resolved.team;
    let catalog = &team.catalog;
    for person in &team.off {
        for reference in &person.roles {
            if catalog.role(&reference.name).is_some()
                || catalog.team_name(&reference.name).is_some()
            {
                continue;
            }
            let label = if person.name == person.id {
                format!("`{}`", person.id)
            } else {
                format!("{} (`{}`)", person.name, person.id)
            };
            out.push(
                Rule::UnknownRole,
                reference.span.clone(),
                format!(
                    "{label} has the role `{}`, which is not in the `{}` catalog",
                    reference.name, catalog.id
                ),
                suggest::hint(&reference.name, catalog.role_names()).unwrap_or_else(|| {
                    format!("`teamplan catalog show {}` lists the roles", catalog.id)
                }),
                Context {
                    role: Some(reference.name.to_string()),
                    person: Some(person.id.to_string()),
                    ..Context::default()
                },
            );
        }
    }
}

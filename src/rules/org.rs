//! Rules across the team files checked together: over-allocated, duplicate-team,
//! inconsistent-person.

use std::collections::BTreeMap;

use crate::diag::finding::{Context, Finding};
use crate::diag::rule::Rule;
use crate::diag::words::fte;
use crate::team::Team;

/// Run the cross-team rules. Teams are in the order they were loaded (sorted paths), each
/// with the org it is a unit of (a name need only be unique among the teams outside any
/// org, and among one org's units); `shared` lists the person ids found in more than one.
#[must_use]
pub fn check_org(teams: &[(&Team, Option<usize>)], shared: &Shared<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    duplicate_teams(teams, &mut findings);
    let units: std::collections::HashSet<*const Team> = teams
        .iter()
        .filter(|(_, org)| org.is_some())
        .map(|&(t, _)| std::ptr::from_ref(t))
        .collect();
    people_across_teams(shared, &units, &mut findings);
    findings
}

fn duplicate_teams(teams: &[(&Team, Option<usize>)], findings: &mut Vec<Finding>) {
    let mut first: BTreeMap<(Option<usize>, &str), &Team> = BTreeMap::new();
    for &(team, org) in teams {
        if let Some(earlier) = first.get(&(org, team.name.as_str())) {
            findings.push(
                Finding::new(
                    Rule::DuplicateTeam,
                    &team.source,
                    Some(team.span.clone()),
                    format!(
                        "the team name `{}` is also declared in {}",
                        team.name,
                        earlier.source.path().display()
                    ),
                    "give each team a unique name".to_owned(),
                )
                .team(&team.name)
                .context(Context {
                    teams: vec![team.name.clone()],
                    ..Context::default()
                }),
            );
        } else {
            first.insert((org, &team.name), team);
        }
    }
}

/// Where a person id appears in more than one team: the id and each (team, person index),
/// in load order.
pub type Shared<'t> = Vec<(&'t str, Vec<(&'t Team, usize)>)>;

fn people_across_teams(
    shared: &Shared<'_>,
    units: &std::collections::HashSet<*const Team>,
    findings: &mut Vec<Finding>,
) {
    for (id, places) in shared {
        let id = *id;
        // Units of an org are its units; anything else is a team.
        let across = if places
            .iter()
            .all(|(t, _)| units.contains(&std::ptr::from_ref(*t)))
        {
            "units"
        } else {
            "teams"
        };
        let total: f64 = places.iter().map(|(t, i)| t.people[*i].fte).sum();
        if total > 1.0 + 1e-9 {
            let parts: Vec<String> = places
                .iter()
                .map(|(t, i)| format!("{} in {}", fte(t.people[*i].fte), t.name))
                .collect();
            let (team, i) = places[places.len() - 1];
            let person = &team.people[i];
            let label = if *person.name == *id {
                format!("`{id}`")
            } else {
                format!("{} (`{id}`)", person.name)
            };
            findings.push(
                Finding::new(
                    Rule::OverAllocated,
                    &team.source,
                    Some(person.span.clone()),
                    format!(
                        "{label} is allocated {} fte across {across}: {}",
                        fte(total),
                        parts.join(", ")
                    ),
                    format!("lower `fte` in some {across} so the total is at most 1.0"),
                )
                .team(&team.name)
                .context(Context {
                    person: Some(id.to_owned()),
                    teams: places.iter().map(|(t, _)| t.name.clone()).collect(),
                    ..Context::default()
                }),
            );
        }
        let (first_team, first_i) = places[0];
        let first = &first_team.people[first_i];
        for &(team, i) in &places[1..] {
            let person = &team.people[i];
            let mut differences = Vec::new();
            if person.name != first.name {
                differences.push(format!(
                    "name `{}` here, `{}` in {}",
                    person.name, first.name, first_team.name
                ));
            }
            if person.email.is_some() && first.email.is_some() && person.email != first.email {
                differences.push(format!(
                    "email `{}` here, `{}` in {}",
                    person.email.as_deref().unwrap_or_default(),
                    first.email.as_deref().unwrap_or_default(),
                    first_team.name
                ));
            }
            if !differences.is_empty() {
                findings.push(
                    Finding::new(
                        Rule::InconsistentPerson,
                        &team.source,
                        Some(person.span.clone()),
                        format!("person `{id}` differs between {across}: {}", differences.join("; ")),
                        "use the same name and email for one person id everywhere, or use different ids for different people".to_owned(),
                    )
                    .team(&team.name)
                    .context(Context {
                        person: Some(id.to_owned()),
                        teams: vec![first_team.name.clone(), team.name.clone()],
                        ..Context::default()
                    }),
                );
            }
        }
    }
}

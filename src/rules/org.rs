//! Rules across the team files checked together: over-allocated, duplicate-team,
//! inconsistent-person.

use std::collections::BTreeMap;

use crate::diag::finding::{Context, Finding};
use crate::diag::rule::Rule;
use crate::team::Team;

/// Run the cross-team rules. Teams are in the order they were loaded (sorted paths), each
/// with the org it is a unit of (a name need only be unique among the teams outside any
/// org, and among one org's units); `shared` lists the person ids found in more than one.
#[must_use]
pub fn check_org(teams: &[(&Team, Option<usize>)], shared: &Shared<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    duplicate_teams(teams, &mut findings);
    people_across_teams(shared, &mut findings);
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

fn people_across_teams(shared: &Shared<'_>, findings: &mut Vec<Finding>) {
    for (id, places) in shared {
        let id = *id;
        let total: f64 = places.iter().map(|(t, i)| t.people[*i].fte).sum();
        if total > 1.0 + 1e-9 {
            let parts: Vec<String> = places
                .iter()
                .map(|(t, i)| format!("{} in {}", t.people[*i].fte, t.name))
                .collect();
            let (team, i) = places[places.len() - 1];
            let person = &team.people[i];
            findings.push(
                Finding::new(
                    Rule::OverAllocated,
                    &team.source,
                    Some(person.span.clone()),
                    format!(
                        "`{id}` is allocated {total:.2} fte across teams: {}",
                        parts.join(", ")
                    ),
                    "lower `fte` in some teams so the total is at most 1.0".to_owned(),
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
                        format!("person `{id}` differs between teams: {}", differences.join("; ")),
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

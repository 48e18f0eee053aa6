//! The `overloaded` rule: more work or more hats than one person's time allows.

use super::out::Out;
use crate::diag::finding::Context;
use crate::diag::rule::Rule;

pub(super) fn check(out: &mut Out<'_, '_>) {
    let r = out.resolved;
    let team = r.team;
    let limits = team.catalog.limits;
    for ((p, person), load) in team.people.iter().enumerate().zip(r.loads()) {
        if load.is_over() {
            out.push(
                Rule::Overloaded,
                person.roles_span.clone(),
                format!(
                    "{} is accountable or responsible for {} activities; at {} fte the `{}` catalog allows {}",
                    out.person_label(p),
                    load.ra,
                    person.fte,
                    team.catalog.id,
                    load.allowed.floor()
                ),
                if person.fte < 1.0 {
                    "hand some roles to someone else, or raise their fte (up to 1.0)".to_owned()
                } else {
                    "hand some roles to someone else: a full-time person is already at their limit"
                        .to_owned()
                },
                Context {
                    person: Some(person.id.to_string()),
                    ..Context::default()
                },
            );
        }
        let roles = r.person_roles[p].len();
        if roles > limits.roles_per_person {
            out.push(
                Rule::Overloaded,
                person.roles_span.clone(),
                format!(
                    "{} holds {roles} roles; the `{}` catalog expects at most {} per person",
                    out.person_label(p),
                    team.catalog.id,
                    limits.roles_per_person
                ),
                "spread the roles over more people".to_owned(),
                Context {
                    person: Some(person.id.to_string()),
                    roles: r.person_roles[p]
                        .iter()
                        .map(|&i| team.catalog.roles[i].id.clone())
                        .collect(),
                    ..Context::default()
                },
            );
        }
    }
}

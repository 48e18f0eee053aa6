//! From a merged catalog (by name) to a [`Catalog`] (by index), checking its consistency.

use std::collections::HashMap;

use super::basis::Choices;
use super::model::{Activity, Catalog, Raci, Requirement, Role, RoleIdx};
use super::raw::{CatalogProblem, RawCatalog};
use super::why::{checked, unmade_choices};
use crate::diag::suggest;

/// Resolve every reference and check the catalog rules: unique ids, known roles, one
/// required accountable role and a required responsible role per activity.
pub fn resolve(raw: &RawCatalog, problems: &mut Vec<CatalogProblem>) -> Catalog {
    let mut role_lookup: foldhash::HashMap<String, RoleIdx> = foldhash::HashMap::default();
    let mut activity_lookup: foldhash::HashMap<String, _> = foldhash::HashMap::default();
    let mut taken: HashMap<String, String> = HashMap::new();
    let mut problems_if_taken =
        |name: &str,
         what: &str,
         span: &Option<std::ops::Range<usize>>,
         problems: &mut Vec<CatalogProblem>| {
            if let Some(first) = taken.get(name) {
                problems.push(CatalogProblem::new(
                    span.clone(),
                    format!("{what} `{name}` is already used by {first}"),
                    "ids and aliases must be unique across roles, aliases and activities",
                ));
                false
            } else {
                taken.insert(name.to_owned(), format!("{what} `{name}`"));
                true
            }
        };
    check_id(&raw.id, "catalog id", None, problems);
    for id in raw.documents.keys() {
        check_id(id, "document", None, problems);
    }
    for (idx, (id, role)) in raw.roles.iter().enumerate() {
        if check_id(id, "role", role.span.as_ref(), problems)
            && problems_if_taken(id, "role", &role.span, problems)
        {
            role_lookup.insert(id.clone(), idx);
        }
    }
    for (idx, (id, role)) in raw.roles.iter().enumerate() {
        for alias in &role.aliases {
            let what = format!("alias of role `{id}`");
            if check_id(alias, &what, role.span.as_ref(), problems)
                && problems_if_taken(alias, &what, &role.span, problems)
            {
                role_lookup.insert(alias.clone(), idx);
            }
        }
    }
    for (idx, (id, activity)) in raw.activities.iter().enumerate() {
        if check_id(id, "activity", activity.span.as_ref(), problems)
            && problems_if_taken(id, "activity", &activity.span, problems)
        {
            activity_lookup.insert(id.clone(), idx);
        }
    }

    let dangling: std::cell::RefCell<indexmap::IndexMap<String, Vec<String>>> =
        std::cell::RefCell::default();
    let lookup = |name: &str,
                  owner: &str,
                  span: &Option<std::ops::Range<usize>>,
                  problems: &mut Vec<CatalogProblem>| {
        let found = role_lookup.get(name).copied();
        if found.is_none() && raw.removed_roles.contains_key(name) {
            // One finding per removed role, at its `remove-roles` entry, below.
            dangling
                .borrow_mut()
                .entry(name.to_owned())
                .or_default()
                .push(owner.to_owned());
        } else if found.is_none() {
            let hint = suggest::hint(name, role_lookup.keys().map(String::as_str));
            problems.push(CatalogProblem::new(
                span.clone(),
                format!("{owner} refers to role `{name}`, which is not in the catalog"),
                hint.unwrap_or_else(|| {
                    "add the role, or list it as an alias of a role that takes over its work"
                        .to_owned()
                }),
            ));
        }
        found
    };
    let resolve_all = |names: &[String],
                       owner: &str,
                       span: &Option<std::ops::Range<usize>>,
                       problems: &mut Vec<CatalogProblem>| {
        let mut out: Vec<RoleIdx> = Vec::new();
        for name in names {
            if let Some(idx) = lookup(name, owner, span, problems) {
                if !out.contains(&idx) {
                    out.push(idx);
                }
            }
        }
        out
    };

    let known = |document: &str| raw.documents.contains_key(document);
    let roles: Vec<Role> = raw
        .roles
        .iter()
        .enumerate()
        .map(|(idx, (id, r))| {
            let owner = format!("role `{id}` (conflicts)");
            let conflicts = resolve_all(&r.conflicts, &owner, &r.span, problems);
            if conflicts.contains(&idx) {
                problems.push(CatalogProblem::new(
                    r.span.clone(),
                    format!("role `{id}` conflicts with itself (after aliases are resolved)"),
                    "remove the entry from `conflicts`",
                ));
            }
            let reports_to = r.reports_to.as_deref().and_then(|name| {
                lookup(
                    name,
                    &format!("role `{id}` (reports-to)"),
                    &r.span,
                    problems,
                )
            });
            Role {
                id: id.clone(),
                title: r.title.clone(),
                summary: r.summary.clone(),
                requirement: r.requirement,
                aliases: r.aliases.clone(),
                single: r.single,
                conflicts: conflicts.into_iter().filter(|&c| c != idx).collect(),
                reports_to,
                basis: r.basis.as_ref().and_then(|b| {
                    checked(
                        b,
                        &format!("role `{id}`"),
                        &known,
                        r.span.as_ref(),
                        problems,
                    )
                }),
                why: r.why.map(|key, b| {
                    let owner = format!("role `{id}`, `why.{key}`");
                    checked(b, &owner, &known, r.span.as_ref(), problems)
                }),
            }
        })
        .collect();
    check_chains(raw, &roles, problems);

    let activities: Vec<Activity> = raw
        .activities
        .iter()
        .map(|(id, a)| {
            let owner = format!("activity `{id}`");
            let accountable = lookup(&a.raci.accountable, &owner, &a.span, problems);
            let responsible = resolve_all(&a.raci.responsible, &owner, &a.span, problems);
            let mut consulted = resolve_all(&a.raci.consulted, &owner, &a.span, problems);
            let mut informed = resolve_all(&a.raci.informed, &owner, &a.span, problems);
            let doing = |r: &RoleIdx| Some(*r) == accountable || responsible.contains(r);
            consulted.retain(|r| !doing(r));
            informed.retain(|r| !doing(r) && !consulted.contains(r));
            // A role a complete team always has, or one whose work falls up a chain to one.
            // A `reports-to` naming an unknown role was reported where it is linked.
            let covered = |r: RoleIdx| {
                roles[r].requirement == Requirement::Required
                    || roles[r].reports_to.is_some()
                    || raw
                        .roles
                        .get_index(r)
                        .is_some_and(|(_, raw_role)| raw_role.reports_to.is_some())
            };
            if let Some(acc) = accountable {
                let role = &roles[acc];
                if !covered(acc) {
                    problems.push(CatalogProblem::new(
                        a.span.clone(),
                        format!(
                            "activity `{id}` is accountable to `{}`, which is {} in this catalog",
                            role.id,
                            role.requirement.as_str()
                        ),
                        "make the accountable role required, give it a `reports-to` chain to a required role, or give the activity a required accountable role",
                    ));
                }
            }
            if responsible.is_empty() && !a.raci.responsible.is_empty() {
                // Unknown names were reported above.
            } else if !responsible
                .iter()
                .any(|&r| covered(r) || Some(r) == accountable)
            {
                problems.push(CatalogProblem::new(
                    a.span.clone(),
                    format!("activity `{id}` has no responsible role that is required (or reports up to one)"),
                    "add a required role to `responsible`, give one a `reports-to` chain, or make the accountable role responsible too",
                ));
            }
            Activity {
                id: id.clone(),
                title: a.title.clone(),
                area: a.area,
                raci: Raci {
                    accountable: accountable.unwrap_or(0),
                    responsible,
                    consulted,
                    informed,
                },
                must_consult: resolve_all(&a.must_consult, &format!("activity `{id}` (must-consult)"), &a.span, problems),
                must_inform: resolve_all(&a.must_inform, &format!("activity `{id}` (must-inform)"), &a.span, problems),
                keep_in_house: a.keep_in_house,
                basis: a.basis.as_ref().and_then(|b| {
                    checked(b, &format!("activity `{id}`"), &known, a.span.as_ref(), problems)
                }),
                why: a.why.map(|key, b| {
                    let owner = format!("activity `{id}`, `why.{key}`");
                    checked(b, &owner, &known, a.span.as_ref(), problems)
                }),
            }
        })
        .collect();
    unmade_choices(raw, &roles, &activities, problems);

    for (role, owners) in dangling.into_inner() {
        let mut owners = owners;
        owners.dedup();
        let shown: Vec<String> = owners.iter().take(4).cloned().collect();
        let more = owners.len().saturating_sub(shown.len());
        problems.push(CatalogProblem::new(
            raw.removed_roles.get(&role).cloned(),
            format!(
                "`{role}` is removed, but {}{} still name it",
                shown.join(", "),
                if more > 0 { format!(" and {more} more") } else { String::new() }
            ),
            format!(
                "list \"{role}\" in the `aliases` of the role that takes over its work, or override those activities' `raci`"
            ),
        ));
    }

    let teams = super::teams::link(
        raw,
        &|name| role_lookup.get(name).copied(),
        &|name| {
            is_kebab_case(name)
                && !role_lookup.contains_key(name)
                && !activity_lookup.contains_key(name)
        },
        &known,
        problems,
    );
    if roles.is_empty() {
        problems.push(CatalogProblem::new(
            None,
            "the catalog has no roles",
            "add `[roles.ID]` tables",
        ));
    }

    Catalog {
        id: raw.id.clone(),
        title: raw.title.clone(),
        description: raw.description.clone(),
        limits: raw.limits,
        limits_why: raw
            .limits_why
            .map(|key, b| checked(b, &format!("limits, `why.{key}`"), &known, None, problems)),
        documents: raw.documents.clone(),
        teams,
        roles,
        activities,
        role_lookup,
        activity_lookup,
    }
}

/// Every `reports-to` chain ends at a required role, without a loop: so the work of any
/// role nobody holds falls to a role a complete team holds. Each role is walked once (a
/// chain of any depth costs linear time) and each broken chain or loop is one problem, at
/// the first role found on it.
fn check_chains(raw: &RawCatalog, roles: &[Role], problems: &mut Vec<CatalogProblem>) {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Unknown,
        Walking,
        Done,
    }
    // A `reports-to` naming an unknown role is reported where it is linked; the chains it
    // breaks are not reported again.
    let named_unknown = |at: usize| {
        roles[at].reports_to.is_none()
            && raw
                .roles
                .get_index(at)
                .is_some_and(|(_, r)| r.reports_to.is_some())
    };
    let span_of = |at: usize| raw.roles.get_index(at).and_then(|(_, r)| r.span.clone());
    let mut state = vec![State::Unknown; roles.len()];
    let mut path = Vec::new();
    for (start, role) in roles.iter().enumerate() {
        if role.reports_to.is_none()
            && role.requirement != Requirement::Required
            && !named_unknown(start)
        {
            problems.push(CatalogProblem::new(
                span_of(start),
                format!(
                    "role `{}` is {}, so it needs `reports-to`: the role its work falls to when nobody holds it",
                    role.id,
                    role.requirement.as_str()
                ),
                "add `reports-to = \"ROLE\"` naming a required role (or one that reports up to one)",
            ));
        }
        let mut at = start;
        loop {
            match state[at] {
                State::Done => break,
                State::Walking => {
                    problems.push(CatalogProblem::new(
                        span_of(start),
                        format!("the `reports-to` chain of role `{}` loops", role.id),
                        "end every chain at a required role",
                    ));
                    break;
                }
                State::Unknown => {}
            }
            if roles[at].requirement == Requirement::Required {
                break;
            }
            state[at] = State::Walking;
            path.push(at);
            let Some(next) = roles[at].reports_to else {
                // The role's own missing `reports-to` is reported above, once.
                if at != start && !named_unknown(at) {
                    problems.push(CatalogProblem::new(
                        span_of(start),
                        format!(
                            "the `reports-to` chain of role `{}` ends at `{}`, which is not required",
                            role.id, roles[at].id
                        ),
                        "end every chain at a required role, whose holder then carries the work",
                    ));
                }
                break;
            };
            at = next;
        }
        for walked in path.drain(..) {
            state[walked] = State::Done;
        }
    }
}

fn check_id(
    name: &str,
    what: &str,
    span: Option<&std::ops::Range<usize>>,
    problems: &mut Vec<CatalogProblem>,
) -> bool {
    if is_kebab_case(name) {
        return true;
    }
    problems.push(CatalogProblem::new(
        span.cloned(),
        format!("{what} `{name}` is not a kebab-case id"),
        "use lowercase letters, digits and single hyphens, e.g. `ecommerce-manager`",
    ));
    false
}

/// Lowercase ASCII letters and digits in words joined by single hyphens.
#[must_use]
pub fn is_kebab_case(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

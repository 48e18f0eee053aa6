//! Linking the bases of a catalog: each one checked against the documents it names, and
//! none for a choice the catalog does not make (a `why.single` on a role that is not single
//! would show a claim nobody made).

use super::basis::{Basis, BasisSpec};
use super::model::{Activity, Role};
use super::raw::{CatalogProblem, RawCatalog};

/// A spec's basis, or `None` with its problem pushed for `owner` (e.g. "role `x`, `why.single`").
pub fn checked(
    spec: &BasisSpec,
    owner: &str,
    known: &dyn Fn(&str) -> bool,
    span: Option<&std::ops::Range<usize>>,
    problems: &mut Vec<CatalogProblem>,
) -> Option<Basis> {
    spec.to_basis(known)
        .map_err(|(message, help)| {
            problems.push(CatalogProblem::new(
                span.cloned(),
                format!("{owner}: {message}"),
                help,
            ));
        })
        .ok()
}

/// A problem for each `why` that explains a choice not made: `single` on a role that is not
/// single, `reports-to` on one that reports to nobody, `conflicts`, `aliases`,
/// `must-consult` or `must-inform` on an empty list, `keep-in-house` on an activity that is
/// not kept in-house.
pub fn unmade_choices(
    raw: &RawCatalog,
    roles: &[Role],
    activities: &[Activity],
    problems: &mut Vec<CatalogProblem>,
) {
    let mut unmade = |owner: String, key: &str, span: Option<&std::ops::Range<usize>>| {
        problems.push(CatalogProblem::new(
            span.cloned(),
            format!("{owner} explains `{key}`, a choice it does not make"),
            format!("remove `why.{key}`, or make the choice it explains"),
        ));
    };
    for ((_, r), role) in raw.roles.iter().zip(roles) {
        let w = &r.why;
        for (key, given, made) in [
            (
                "reports-to",
                w.reports_to.is_some(),
                role.reports_to.is_some(),
            ),
            ("single", w.single.is_some(), role.single),
            (
                "conflicts",
                w.conflicts.is_some(),
                !role.conflicts.is_empty(),
            ),
            ("aliases", w.aliases.is_some(), !role.aliases.is_empty()),
        ] {
            if given && !made {
                unmade(format!("role `{}`", role.id), key, r.span.as_ref());
            }
        }
    }
    for ((_, a), activity) in raw.activities.iter().zip(activities) {
        let w = &a.why;
        for (key, given, made) in [
            (
                "keep-in-house",
                w.keep_in_house.is_some(),
                activity.keep_in_house,
            ),
            (
                "must-consult",
                w.must_consult.is_some(),
                !activity.must_consult.is_empty(),
            ),
            (
                "must-inform",
                w.must_inform.is_some(),
                !activity.must_inform.is_empty(),
            ),
        ] {
            if given && !made {
                unmade(format!("activity `{}`", activity.id), key, a.span.as_ref());
            }
        }
    }
}

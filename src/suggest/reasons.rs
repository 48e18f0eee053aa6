//! Why a candidate, in words, and what makes one close to the work: related roles, the
//! same unit; and what answers a gap better than a new holder.

use super::change::Change;
use super::gap::{Gap, Kind};
use crate::catalog::RoleIdx;
use crate::diag::finding::Finding;
use crate::diag::rule::Rule;
use crate::team::Team;

/// What answers a missing role better than a new holder: the misspelt role someone already
/// lists (the fix of `check --fix`), or the open position meant to fill it, now overdue.
pub(super) fn instead(team: &Team, gap: &Gap, now: &[Finding]) -> Option<String> {
    if !matches!(gap.kind, Kind::Missing | Kind::Recommended) {
        return None;
    }
    let role = gap.role?;
    let id = &team.catalog.roles[role].id;
    let quoted = format!("`{id}`");
    if let Some(typo) = now
        .iter()
        .find(|f| f.rule == Rule::UnknownRole && f.help.contains(&quoted))
    {
        return Some(format!(
            "{}: `teamplan check --fix` makes it {quoted}",
            typo.message
        ));
    }
    let position = team.off.iter().find(|p| {
        p.is_open()
            && team.at.is_none_or(|at| p.start().is_none_or(|s| s <= at))
            && p.roles
                .iter()
                .any(|r| team.catalog.role(&r.name) == Some(role))
    })?;
    Some(format!(
        "fill the open position `{}` ({}), due since {}: once someone is hired, remove its `status = \"open\"`",
        position.id,
        position.name,
        position.start().map_or_else(String::new, |d| d.to_string())
    ))
}

/// What makes `role` close to the work person `p` does: a role of theirs in the same main
/// area, or the role its work falls to when nobody holds it.
pub(super) fn related(team: &Team, p: usize, role: RoleIdx) -> Option<String> {
    let catalog = &team.catalog;
    let areas = catalog.main_areas();
    let held: Vec<RoleIdx> = team.people[p]
        .roles
        .iter()
        .filter_map(|r| catalog.role(&r.name))
        .filter(|&r| r != role)
        .collect();
    if let Some(&up) = held
        .iter()
        .find(|&&h| catalog.roles[role].reports_to == Some(h))
    {
        return Some(format!(
            "its work falls to their role `{}` now",
            catalog.roles[up].id
        ));
    }
    let area = areas.get(role).copied().flatten()?;
    held.iter()
        .find(|&&h| areas.get(h).copied().flatten() == Some(area))
        .map(|&h| {
            format!(
                "related work: they hold `{}` ({})",
                catalog.roles[h].id,
                area.as_str()
            )
        })
}

/// Whether the taker is in a unit the gap is in (an overloaded person's, or the holders'
/// of a role without a lead); outside an org, or for an org-wide gap, any unit is.
pub(super) fn same_unit(team: &Team, gap: &Gap, taker: &str) -> bool {
    let Some(org) = &team.org else { return true };
    let index = |id: &str| team.people.iter().position(|p| *p.id == *id);
    let units_of = |i: usize| -> Vec<&str> {
        org.units
            .iter()
            .filter(|u| u.people.contains(&i))
            .map(|u| u.name.as_str())
            .collect()
    };
    let Some(t) = index(taker) else { return false };
    match (&gap.person, gap.kind) {
        (Some(who), Kind::Overloaded) => index(who).is_some_and(|w| {
            let theirs = units_of(w);
            units_of(t).iter().any(|u| theirs.contains(u))
        }),
        _ => true,
    }
}

pub(super) fn reason(
    team: &Team,
    change: &Change,
    load: Option<(Option<crate::resolve::Load>, crate::resolve::Load)>,
    same_unit: bool,
) -> String {
    let mut parts = Vec::new();
    if let Some((before, after)) = load {
        let spare = |l: crate::resolve::Load| (l.allowed - as_f64(l.ra)).max(0.0);
        parts.push(match before {
            Some(b) => format!(
                "spare capacity {:.0} → {:.0} A/R (of {:.0} at their fte)",
                spare(b),
                spare(after),
                after.allowed
            ),
            None => format!("{:.0} A/R to spare after it", spare(after)),
        });
    }
    parts.push("no conflicting role".to_owned());
    if let Change::MoveRole { from, .. } = change {
        parts.push(format!("takes it off `{from}`"));
    }
    if team.org.is_some() && same_unit {
        parts.push("same unit".to_owned());
    }
    parts.join("; ")
}

#[allow(clippy::cast_precision_loss, reason = "counts far below 2^52")]
pub(super) fn as_f64(n: usize) -> f64 {
    n as f64
}

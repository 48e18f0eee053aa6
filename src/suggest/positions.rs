//! The fewest new positions that cover the required roles nobody on the team can take: each
//! position's roles do not conflict, fit the roles one person may hold, and stay within the
//! A/R a full-time person may carry. Exact while the roles are few; greedy beyond.

use crate::catalog::{Catalog, RoleIdx};

/// Up to this many roles the search is exact (it tries every grouping it must).
pub const EXACT_UP_TO: usize = 12;

/// The positions, each a set of roles, and whether the count is the fewest possible (exact
/// search) or a greedy answer.
#[must_use]
pub fn fewest_positions(catalog: &Catalog, roles: &[RoleIdx]) -> (Vec<Vec<RoleIdx>>, bool) {
    let weight: Vec<usize> = roles.iter().map(|&r| ra_of(catalog, r)).collect();
    // Heaviest first: both searches place the hardest roles early.
    let mut order: Vec<usize> = (0..roles.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(weight[i]));
    let fits = |group: &[usize], i: usize| {
        let limits = &catalog.limits;
        #[allow(clippy::cast_precision_loss, reason = "small counts")]
        let load = (group.iter().map(|&g| weight[g]).sum::<usize>() + weight[i]) as f64;
        group.len() < limits.roles_per_person
            && (group.is_empty() || load <= limits.ra_per_fte)
            && group
                .iter()
                .all(|&g| !conflict(catalog, roles[g], roles[i]))
    };
    let exact = roles.len() <= EXACT_UP_TO;
    let groups = if exact {
        let mut best: Option<Vec<Vec<usize>>> = None;
        let mut groups: Vec<Vec<usize>> = Vec::new();
        place(&order, 0, &mut groups, &mut best, &fits);
        best.unwrap_or_default()
    } else {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for &i in &order {
            match groups.iter_mut().find(|g| fits(g, i)) {
                Some(g) => g.push(i),
                None => groups.push(vec![i]),
            }
        }
        groups
    };
    let mut out: Vec<Vec<RoleIdx>> = groups
        .into_iter()
        .map(|g| {
            let mut rs: Vec<RoleIdx> = g.into_iter().map(|i| roles[i]).collect();
            rs.sort_unstable();
            rs
        })
        .collect();
    out.sort();
    (out, exact)
}

/// Branch and bound: put role `order[k]` into each group it fits, or a new one.
fn place(
    order: &[usize],
    k: usize,
    groups: &mut Vec<Vec<usize>>,
    best: &mut Option<Vec<Vec<usize>>>,
    fits: &dyn Fn(&[usize], usize) -> bool,
) {
    if best.as_ref().is_some_and(|b| groups.len() >= b.len()) {
        return;
    }
    let Some(&i) = order.get(k) else {
        *best = Some(groups.clone());
        return;
    };
    for g in 0..groups.len() {
        if fits(&groups[g], i) {
            groups[g].push(i);
            place(order, k + 1, groups, best, fits);
            groups[g].pop();
        }
    }
    groups.push(vec![i]);
    place(order, k + 1, groups, best, fits);
    groups.pop();
}

fn conflict(catalog: &Catalog, a: RoleIdx, b: RoleIdx) -> bool {
    catalog.roles[a].conflicts.contains(&b) || catalog.roles[b].conflicts.contains(&a)
}

/// The activities a role is accountable or responsible for in the catalog.
fn ra_of(catalog: &Catalog, role: RoleIdx) -> usize {
    catalog
        .activities
        .iter()
        .filter(|a| a.raci.accountable == role || a.raci.responsible.contains(&role))
        .count()
}

//! Walking `reports-to` chains, each role once.

use crate::catalog::RoleIdx;

/// For each role, the nearest role up its `reports-to` chain (itself included) where `stop`
/// holds, or None. Each role is settled once, so chains of any depth cost linear time;
/// chains are checked loop-free when the catalog loads, and a loop met anyway ends as None.
pub(super) fn up_chains(
    catalog: &crate::catalog::Catalog,
    stop: impl Fn(RoleIdx) -> bool,
) -> Vec<Option<RoleIdx>> {
    #[derive(Clone, Copy)]
    enum State {
        Unknown,
        Walking,
        Settled(Option<RoleIdx>),
    }
    let mut state = vec![State::Unknown; catalog.roles.len()];
    let mut path = Vec::new();
    for start in 0..catalog.roles.len() {
        let mut at = Some(start);
        let found = loop {
            let Some(role) = at else { break None };
            match state[role] {
                State::Settled(found) => break found,
                State::Walking => break None,
                State::Unknown => {}
            }
            if stop(role) {
                break Some(role);
            }
            state[role] = State::Walking;
            path.push(role);
            at = catalog.roles[role].reports_to;
        };
        if let Some(role) = at {
            if matches!(state[role], State::Unknown) {
                state[role] = State::Settled(found);
            }
        }
        for role in path.drain(..) {
            state[role] = State::Settled(found);
        }
    }
    state
        .into_iter()
        .map(|s| match s {
            State::Settled(found) => found,
            State::Unknown | State::Walking => None,
        })
        .collect()
}

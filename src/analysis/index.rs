//! The cross-team index of person ids: which ids appear in more than one team. A big org
//! has 100k people in thousands of files, nearly all in one team each, so the index is
//! built for that case.

use std::collections::HashMap;

use crate::rules::Shared;
use crate::team::Team;

/// The person ids that appear in more than one team, sorted by id, each with every place
/// it appears (team, person index) in load order.
#[must_use]
pub fn people_in_several_teams<'t>(teams: &[&'t Team]) -> Shared<'t> {
    // Person id -> where it first appears, as two u32 indices (24-byte entries with the
    // key), in a foldhash map sized up front: one pass, no rehashing, and a third of the
    // memory of a map of lists. Only ids seen a second time get a list.
    let mut first: foldhash::HashMap<&str, (u32, u32)> =
        foldhash::HashMap::with_capacity_and_hasher(
            teams.iter().map(|t| t.people.len()).sum(),
            foldhash::fast::RandomState::default(),
        );
    let mut again: HashMap<&str, Vec<(&Team, usize)>> = HashMap::new();
    for (t, team) in teams.iter().enumerate() {
        for (i, p) in team.people.iter().enumerate() {
            let here = (index(t), index(i));
            match first.entry(&*p.id) {
                std::collections::hash_map::Entry::Occupied(e) => {
                    let (ft, fi) = *e.get();
                    again
                        .entry(&*p.id)
                        .or_insert_with(|| vec![(teams[ft as usize], fi as usize)])
                        .push((team, i));
                }
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(here);
                }
            }
        }
    }
    drop(first);
    let mut shared: Shared<'t> = again.into_iter().collect();
    shared.sort_unstable_by(|a, b| a.0.cmp(b.0));
    shared
}

/// An index as stored in the map; teams and people are far fewer than 2^32.
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

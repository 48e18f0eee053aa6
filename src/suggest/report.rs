//! Everything `suggest` says of one team: each gap with its answer (or none), and the new
//! positions for the required roles nobody can take.

use super::change::Change;
use super::gap::{Kind, Outcome};
use super::id::stable_id;
use super::positions::fewest_positions;
use super::search::answer;
use crate::catalog::RoleIdx;
use crate::team::Team;

/// A new open position `suggest` proposes.
#[derive(Debug, Clone)]
pub struct NewPosition {
    pub id: String,
    pub roles: Vec<RoleIdx>,
}

/// The answers for one team.
#[derive(Debug)]
pub struct TeamAnswer<'t> {
    pub team: &'t Team,
    pub outcomes: Vec<Outcome>,
    pub positions: Vec<NewPosition>,
    /// Whether `positions` is the fewest there can be (exact search) or a greedy answer.
    pub exact: bool,
    /// Gaps not answered in this run (past the most one run answers).
    pub more_gaps: usize,
}

impl<'t> TeamAnswer<'t> {
    /// Answer the gaps of `team`.
    #[must_use]
    pub fn of(team: &'t Team) -> Self {
        let (outcomes, _, more_gaps) = answer(team);
        let left: Vec<RoleIdx> = outcomes
            .iter()
            .filter(|o| o.chosen.is_none() && o.instead.is_none() && o.gap.kind == Kind::Missing)
            .filter_map(|o| o.gap.role)
            .collect();
        let (groups, exact) = fewest_positions(&team.catalog, &left);
        let positions = groups
            .into_iter()
            .map(|roles| {
                let ids: Vec<&str> = roles
                    .iter()
                    .map(|&r| team.catalog.roles[r].id.as_str())
                    .collect();
                NewPosition {
                    id: stable_id(&format!("{}|open|{}", team.name, ids.join("+"))),
                    roles,
                }
            })
            .collect();
        TeamAnswer {
            team,
            outcomes,
            positions,
            exact,
            more_gaps,
        }
    }

    /// The stable id of a change proposed for this team.
    #[must_use]
    pub fn id_of(&self, change: &Change) -> String {
        let role = |r: RoleIdx| self.team.catalog.roles[r].id.as_str();
        let what = match change {
            Change::AddRole { person, role: r } => format!("add|{person}|{}", role(*r)),
            Change::Lead { person, role: r } => format!("lead|{person}|{}", role(*r)),
            Change::MoveRole { from, to, role: r } => format!("move|{from}|{to}|{}", role(*r)),
        };
        stable_id(&format!("{}|{what}", self.team.name))
    }
}

//! `teamplan suggest`: who could take each gap of a team, judged by the rules on a copy of
//! the team, the gaps answered together; and the fewest new positions for what nobody can
//! take.

mod change;
mod edit;
mod gap;
mod id;
mod positions;
mod reasons;
mod report;
mod search;

pub use change::Change;
pub use edit::{Edited, edit_change, edit_position};
pub use gap::{Answer, Gap, Kind, Outcome};
pub use id::stable_id;
pub use positions::{EXACT_UP_TO, fewest_positions};
pub use report::{NewPosition, TeamAnswer};
pub use search::{MAX_GAPS, answer};

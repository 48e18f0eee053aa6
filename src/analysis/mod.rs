//! The pipeline every command runs: load every file (on worker threads), resolve and check
//! each team, run the rules across teams, apply rule levels, and order the findings.

pub mod edit;
pub mod fix;
pub mod index;
pub mod inputs;
pub mod levels;
mod orgs;
pub mod outcome;
pub mod parallel;
pub mod pipeline;
mod place;

pub use inputs::{Input, as_shown, find_inputs, org_file_of};
pub use levels::LevelOverrides;
pub use outcome::{Outcome, Summary, TeamSummary};
pub use pipeline::{Analysis, Keep, analyze};

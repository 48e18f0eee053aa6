//! The rules: each reads the resolved team (or the set of teams) and returns findings.
//! No rule prints; renderers show what they return. One file per family of rules.

mod org;
mod out;
mod planning;
mod raci;
mod roles;
mod team;
mod units;
mod workload;

pub use org::{Shared, check_org};
pub use team::check_team;

//! What a change to team files does: people and roles gained or lost, fte and engagement
//! changes, dates, positions and costs, RACI cells that changed, and findings that appeared
//! or were fixed.

mod changes;
mod plan;
mod value;

pub use changes::*;

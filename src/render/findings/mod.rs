//! Findings in each `check --format`.

pub mod github;
pub mod human;
pub mod json;
pub mod markdown;
pub mod sarif;

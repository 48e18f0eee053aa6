//! The integration tests: one binary (link once), one module per area.

mod catalogs;
mod check;
mod commands;
mod dates;
mod export;
mod fidelity;
mod fix;
mod hostile;
mod init;
mod injection;
mod inputs;
mod layers;
mod northstar;
mod org;
mod org_inputs;
mod plan;
mod plan_hostile;
mod props;
mod raci;
mod report_plan;
mod review;
mod rules;
mod shape;
mod support;
mod units;
mod writes;

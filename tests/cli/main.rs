//! The integration tests: one binary (link once), one module per area.

mod catalogs;
mod check;
mod commands;
mod hostile;
mod init;
mod org;
mod props;
mod raci;
mod review;
mod rules;
mod shape;
mod support;

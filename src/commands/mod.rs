//! One file per subcommand, gluing load → resolve → rules → report.

pub mod catalog;
pub mod check;
mod context;
mod deliver;
pub mod diff;
pub mod explain;
pub mod export;
pub mod fix;
pub mod init;
pub mod meta;
pub mod plan;
pub mod raci;
pub mod report;
pub mod scenarios;
mod stop;
pub mod suggest;
mod suggest_apply;

pub use context::Ctx;

//! One file per subcommand, gluing load → resolve → rules → report.

pub mod check;
pub mod raci;

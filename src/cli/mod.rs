//! The command line: clap types only, converted into domain types before the library sees
//! them.

mod args;
mod browse;
mod export;
mod plan;
mod suggest;
mod values;

pub use args::*;
pub use browse::*;
pub use export::{ExportArgs, ExportFormat};
pub use plan::{PlanArgs, PlanBy, PlanFormat};
pub use suggest::{SuggestArgs, SuggestFormat};
pub use values::{Day, RaciBy, RuleParser};

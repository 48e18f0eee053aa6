//! The command line: clap types only, converted into domain types before the library sees
//! them.

mod args;
mod browse;
mod values;

pub use args::*;
pub use browse::*;
pub use values::{RaciBy, RuleParser};

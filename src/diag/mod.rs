//! The vocabulary every layer speaks: rule ids, levels and severities, findings, source
//! files with their positions, and "did you mean".

pub mod finding;
mod line_starts;
pub mod rule;
pub mod source;
pub mod suggest;
pub mod words;

pub use finding::{Context, Finding, Fix, FixPass};
pub use rule::{LintLevel, Rule, Severity, UnknownRuleName};
pub use source::{Position, SourceFile};

//! What every command that reads teams is given beside its own arguments.

use std::path::Path;

use jiff::civil::Date;

use crate::team::LoadOptions;

/// The global options: where paths may lead, and the day the teams are checked on.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// `--root DIR`.
    pub root: Option<&'a Path>,
    /// `--at DATE` (or `TEAMPLAN_AT`), else today's local date.
    pub at: Date,
    /// Whether the day was given (then a command a note suggests names it too).
    pub given: bool,
}

impl<'a> Ctx<'a> {
    #[must_use]
    pub fn new(root: Option<&'a Path>, at: Option<Date>) -> Self {
        Self {
            root,
            at: at.unwrap_or_else(|| jiff::Zoned::now().date()),
            given: at.is_some(),
        }
    }

    /// How to load files for this run.
    #[must_use]
    pub fn load_options(&self, max_file_size: u64) -> LoadOptions<'a> {
        LoadOptions {
            max_file_size,
            root: self.root,
            org_catalog: None,
            at: Some(self.at),
            roster: false,
        }
    }
}

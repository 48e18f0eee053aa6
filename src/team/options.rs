//! How files are loaded: the size bound, the root, and the org a unit belongs to.

use std::path::Path;
use std::sync::Arc;

use crate::catalog::Catalog;
use crate::input::read::DEFAULT_MAX_FILE_SIZE;

/// Load settings.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions<'a> {
    pub max_file_size: u64,
    /// `--root DIR`: where a `catalog` path may lead (else the root of each team file).
    pub root: Option<&'a Path>,
    /// The catalog of the org the file is a unit of.
    pub org_catalog: Option<&'a Arc<Catalog>>,
    /// The day the teams are checked on: who has not started or has left holds nothing
    /// (None: dates are not looked at; open positions hold nothing either way).
    pub at: Option<jiff::civil::Date>,
    /// Keep every `[people.*]` entry as written, whatever the day, in [`Team::roster`]
    /// (what a plan reads).
    pub roster: bool,
}

impl Default for LoadOptions<'_> {
    fn default() -> Self {
        Self {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            root: None,
            org_catalog: None,
            at: None,
            roster: false,
        }
    }
}

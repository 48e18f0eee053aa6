//! `teamplan plan`'s command line.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::plan::By;

#[derive(Debug, Args)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent command-line flags, as clap gives them"
)]
pub struct PlanArgs {
    /// Team files or folders: together, one plan (with --compare, each PATH is a plan).
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// The first day of the plan [default: the first day of the quarter --at is in]
    #[arg(long, value_name = "DATE", value_parser = super::values::day)]
    pub from: Option<jiff::civil::Date>,

    /// The last day of the plan [default: a year after --from, less a day]
    #[arg(long, value_name = "DATE", value_parser = super::values::day)]
    pub to: Option<jiff::civil::Date>,

    /// The periods of the timeline.
    #[arg(long, value_enum, default_value_t = PlanBy::Quarter)]
    pub by: PlanBy,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = PlanFormat::Table)]
    pub format: PlanFormat,

    /// Print the open positions as a hiring plan (Title, Unit, Role, Start Date, Cost,
    /// Currency, Status, Backfills): with `--format csv`, what headcount tools import.
    #[arg(long, conflicts_with = "compare")]
    pub positions: bool,

    /// Compare plans side by side: each PATH (a team file or an org's folder) is one plan,
    /// checked on its own; the first is the baseline.
    #[arg(long)]
    pub compare: bool,

    /// Skip files and folders matching this glob when searching folders (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::input::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanBy {
    Month,
    Quarter,
}

impl From<PlanBy> for By {
    fn from(by: PlanBy) -> Self {
        match by {
            PlanBy::Month => By::Month,
            PlanBy::Quarter => By::Quarter,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    /// Tables for a terminal.
    Table,
    /// GFM tables (for docs or a pull-request comment).
    Markdown,
    /// The timeline (or the positions) as CSV, for a spreadsheet.
    Csv,
    /// The stable JSON shape (`"version": 1`).
    Json,
}

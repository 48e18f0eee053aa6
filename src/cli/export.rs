//! `teamplan export`'s command line.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Team files or folders; any path inside an org exports the whole org.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// What to write.
    #[arg(long, short = 'f', value_enum, default_value_t = ExportFormat::Backstage)]
    pub format: ExportFormat,

    /// The Backstage namespace of every entity (Backstage's own default when omitted).
    #[arg(long, value_name = "NAME", value_parser = super::values::namespace)]
    pub namespace: Option<String>,

    /// Write the entities here (atomically); stdout when omitted.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Write nothing; print a diff and exit 1 if --output's file is not the export.
    #[arg(long)]
    pub check: bool,

    /// No notes on stderr (with --check, only the diff of what is out of date).
    #[arg(short, long)]
    pub quiet: bool,

    /// Write a file with several hard links or another owner in place.
    #[arg(long)]
    pub force: bool,

    /// Skip files and folders matching this glob when searching folders (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::input::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Backstage catalog entities (`Group`, `User`), one YAML document each.
    Backstage,
}

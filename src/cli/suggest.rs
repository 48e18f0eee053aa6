//! `teamplan suggest`'s command line.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// Team files or folders; any path inside an org answers for the whole org.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = SuggestFormat::Human)]
    pub format: SuggestFormat,

    /// Write the suggestion with this id into the files (comments kept), if it adds no
    /// error; then print the new check. The suggestions are worked out again first.
    #[arg(long, value_name = "ID")]
    pub apply: Option<String>,

    /// With --apply: print the change as a unified diff and write nothing.
    #[arg(long, requires = "apply")]
    pub dry_run: bool,

    /// With --apply: write a file with several hard links or another owner in place.
    #[arg(long, requires = "apply")]
    pub force: bool,

    /// Skip files and folders matching this glob when searching folders (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::input::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SuggestFormat {
    /// For a terminal.
    Human,
    /// A pull-request comment.
    Markdown,
    /// The stable JSON shape (`"version": 1`).
    Json,
}

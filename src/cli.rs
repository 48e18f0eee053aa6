//! The command line: clap derive types only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::rules::Rule;

/// Plan e-commerce teams: check roles, gaps, overlaps and the RACI matrix.
#[derive(Debug, Parser)]
#[command(
    name = "teamplan",
    version,
    propagate_version = true,
    max_term_width = 100
)]
#[command(
    after_help = "Examples:\n  teamplan check team.toml\n  teamplan check teams/ --format json\n  teamplan explain missing-role"
)]
pub struct Cli {
    /// When to use colour (also honours NO_COLOR and CLICOLOR_FORCE).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Print only the summary line.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate team files (or folders of them) against their role catalog.
    #[command(
        after_help = "Examples:\n  teamplan check team.toml\n  teamplan check teams/ --format json\n  teamplan check teams/ --strict --allow missing-recommended-role\n\nExit codes: 0 no errors, 1 errors (or warnings with --strict), 2 unreadable input or bad usage."
    )]
    Check(CheckArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Team files or folders (searched recursively for *.toml).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub strict: bool,

    /// Silence a rule for this run (wins over [rules] in team files).
    #[arg(long, value_name = "RULE")]
    pub allow: Vec<Rule>,

    /// Make a rule a warning for this run.
    #[arg(long, value_name = "RULE")]
    pub warn: Vec<Rule>,

    /// Make a rule an error for this run.
    #[arg(long, value_name = "RULE")]
    pub deny: Vec<Rule>,

    /// Skip files and folders matching this glob when searching folders (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::load::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Findings with source snippets, then a summary table.
    Human,
    /// Machine-readable findings (stable shape, `"version": 1`).
    Json,
}

impl clap::builder::ValueParserFactory for Rule {
    type Parser = RuleParser;
    fn value_parser() -> Self::Parser {
        RuleParser
    }
}

/// Parses rule names with a did-you-mean on mistakes.
#[derive(Debug, Clone, Copy)]
pub struct RuleParser;

impl clap::builder::TypedValueParser for RuleParser {
    type Value = Rule;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Rule, clap::Error> {
        let s = value.to_string_lossy();
        s.parse::<Rule>().map_err(|e| {
            clap::Error::raw(clap::error::ErrorKind::InvalidValue, format!("{e}\n")).with_cmd(cmd)
        })
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            Rule::configurable().map(|r| clap::builder::PossibleValue::new(r.name())),
        ))
    }
}

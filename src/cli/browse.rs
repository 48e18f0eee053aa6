//! The arguments of the commands that browse what teamplan knows: `catalog`, `explain`,
//! `schema`, `completions`.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// List the built-in catalogs.
    #[command(after_help = "Example:\n  teamplan catalog list")]
    List {
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Show a catalog's roles and activities with their default RACI.
    #[command(
        after_help = "Examples:\n  teamplan catalog show b2b\n  teamplan catalog show small-team --format markdown\n  teamplan catalog show b2b --sources   # the passage or reason behind each choice\n  teamplan catalog show b2b --format toml > my-catalog.toml   # a starting point"
    )]
    Show {
        /// A built-in catalog id, or a path to a catalog file.
        #[arg(value_name = "ID")]
        id: String,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = ShowFormat::Table)]
        format: ShowFormat,
        /// Show where each role, activity and choice comes from: the document, section and
        /// passage it quotes, or the catalog's editorial reason (JSON and TOML always have them).
        #[arg(long)]
        sources: bool,
    },
    /// Check a custom catalog file for consistency.
    #[command(
        after_help = "Example:\n  teamplan catalog check catalogs/acme.toml\n\nExit codes: 0 consistent, 1 inconsistent, 2 unreadable."
    )]
    Check {
        /// The catalog file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Table,
    Markdown,
    Json,
    /// A complete catalog file, to start a custom catalog from.
    Toml,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule to explain.
    #[arg(value_name = "RULE", required_unless_present = "list")]
    pub rule: Option<String>,
    /// List every rule with its default level.
    #[arg(long)]
    pub list: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell (or `man` for the man page).
    #[arg(value_enum)]
    pub shell: ShellArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
    /// The man page (roff).
    Man,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Add this catalog's role ids and aliases and its activity ids (a built-in id or a
    /// catalog file), so an editor completes them and flags a misspelt one.
    #[arg(long, value_name = "ID|FILE")]
    pub catalog: Option<String>,
}

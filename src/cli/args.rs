//! The command line: clap derive types, converting into domain types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use super::browse::{CatalogCommand, CompletionsArgs, ExplainArgs, SchemaArgs};
use super::export::ExportArgs;
use super::plan::PlanArgs;
use super::suggest::SuggestArgs;
use super::values::{Day, RaciBy, area_parser, existing_folder, maybe_day};
use crate::analysis::LevelOverrides;
use crate::catalog::Area;
use crate::diag::{LintLevel, Rule};

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
    /// When to use colour (also honours `NO_COLOR` and `CLICOLOR_FORCE`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Where paths found in files (a `catalog` path, a symlink in a folder or at an output)
    /// may lead [default: the nearest folder holding `.git` above each path given, else
    /// that path's folder].
    #[arg(long, global = true, value_name = "DIR", value_parser = existing_folder)]
    pub root: Option<PathBuf>,

    /// The day the teams are checked on (YYYY-MM-DD): who has not started yet or has left
    /// holds nothing that day [default: today's local date]
    #[arg(long, global = true, value_name = "DATE", env = "TEAMPLAN_AT", value_parser = maybe_day)]
    pub at: Option<Day>,

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
        after_help = "Examples:\n  teamplan check team.toml\n  teamplan check teams/ --format json\n  teamplan check teams/ --strict --allow missing-recommended-role\n  teamplan check teams/ --fix --dry-run   # the safe fixes, as a diff\n\nExit codes: 0 no errors, 1 errors (or warnings with --strict), 2 unreadable input or bad usage."
    )]
    Check(CheckArgs),
    /// Print the resolved RACI matrix of a team, or keep a copy in a docs file fresh.
    #[command(
        after_help = "Examples:\n  teamplan raci team.toml\n  teamplan raci team.toml --by role --format markdown\n  teamplan raci team.toml --person alice\n  teamplan raci team.toml --format html --output raci.html\n  teamplan raci team.toml --inject docs/TEAM.md\n  teamplan raci team.toml --inject docs/TEAM.md --check   # in CI: exit 1 on drift\n\n--inject replaces the text between <!-- teamplan:raci:begin --> and <!-- teamplan:raci:end -->."
    )]
    Raci(RaciArgs),
    /// Create a team file: a short wizard on a terminal, or a template with --yes.
    #[command(
        after_help = "Examples:\n  teamplan init                       # the wizard, writes team.toml\n  teamplan init teams/web.toml\n  teamplan init --yes --catalog b2b --name \"Northwind Supply\" teams/northwind.toml\n\nIt never overwrites a file without --force, and never prompts when stdin is not a terminal."
    )]
    Init(InitArgs),
    /// Show what a change to team files does: roles, RACI cells, fte, findings.
    #[command(
        after_help = "Examples:\n  teamplan diff old.toml new.toml\n  teamplan diff teams-before/ teams/\n  teamplan diff --git origin/main teams/ --format markdown   # a PR comment\n  teamplan diff --git HEAD~1 team.toml --fail-on-new-errors\n\nExit code 0 either way, unless --fail-on-new-errors and the change adds error-level findings (1)."
    )]
    Diff(DiffArgs),
    /// Write one self-contained HTML page: coverage, workload, findings and the matrix.
    #[command(
        after_help = "Examples:\n  teamplan report team.toml --output report.html\n  teamplan report teams/ --output org.html\n\nThe page has no external assets and prints well."
    )]
    Report(ReportArgs),
    /// Write the teams as entities another tool reads: Backstage `Group`s and `User`s.
    #[command(
        after_help = "Examples:\n  teamplan export teams/ --format backstage\n  teamplan export teams/ --namespace retail --output catalog/teams.yaml\n  teamplan export teams/ --output catalog/teams.yaml --check   # in CI: exit 1 on drift\n\nA Group per org (type organization) and per team or unit (type team, the unit's parent its org), a User per person, a member of each unit they are in. Roles, leads, fte and engagement are annotations under teamplan.dev/."
    )]
    Export(ExportArgs),
    /// A plan over time: headcount, fte, cost, open positions and gaps by quarter or month.
    #[command(
        after_help = "Examples:\n  teamplan plan examples/plan/                     # the four quarters from today's\n  teamplan plan teams/ --from 2027-01-01 --to 2027-12-31 --by month\n  teamplan plan teams/ --positions --format csv > hiring.csv\n  teamplan plan --compare plans/lean/ plans/growth/\n\nOpen positions count from their start: a plan takes each as filled that day."
    )]
    Plan(PlanArgs),
    /// Who on the team could take each gap, and the fewest new positions for the rest.
    #[command(
        after_help = "Examples:\n  teamplan suggest team.toml\n  teamplan suggest teams/ --format markdown   # a pull-request comment\n  teamplan suggest examples/plan --at 2027-07-01\n  teamplan suggest team.toml --apply s9d7f6a74 --dry-run   # the change as a diff\n\nEach candidate change is made on a copy of the team and checked with the same rules as `check`; the gaps are answered together, so one person is not handed more than they can take.\n\nRanking: fewest new findings, then the same unit as the gap, then related work (a role in the same main area, or the role the work falls to now), then the most A/R capacity left. A change that adds an error is never suggested."
    )]
    Suggest(SuggestArgs),
    /// Browse the built-in role catalogs, or check a custom one.
    #[command(subcommand)]
    #[command(
        after_help = "Examples:\n  teamplan catalog list\n  teamplan catalog show b2b --format markdown\n  teamplan catalog check my-catalog.toml"
    )]
    Catalog(CatalogCommand),
    /// Explain a rule: what it checks, why, an example, and how to fix it.
    #[command(after_help = "Examples:\n  teamplan explain missing-role\n  teamplan explain --list")]
    Explain(ExplainArgs),
    /// Print the JSON Schema of team files (for editor completion and validation).
    #[command(
        after_help = "Examples:\n  teamplan schema > team.schema.json\n  teamplan schema --catalog b2b > team.schema.json   # completes b2b's role and activity ids\n\nThen start a team file with:\n  #:schema ./team.schema.json"
    )]
    Schema(SchemaArgs),
    /// Print shell completions, or the man page.
    #[command(
        after_help = "Examples:\n  teamplan completions bash > ~/.local/share/bash-completion/completions/teamplan\n  teamplan completions zsh > ~/.zfunc/_teamplan\n  teamplan completions fish > ~/.config/fish/completions/teamplan.fish\n  teamplan completions man > teamplan.1"
    )]
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// OLD and NEW files or folders; with --git, the files or folders to compare with their
    /// version at that revision.
    #[arg(value_name = "PATH", required = true, num_args = 1..)]
    pub paths: Vec<PathBuf>,

    /// Compare PATHs with their version at this git revision (e.g. HEAD~1, origin/main).
    #[arg(long, value_name = "REV")]
    pub git: Option<String>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,

    /// Exit 1 when the change adds error-level findings.
    #[arg(long)]
    pub fail_on_new_errors: bool,

    /// Skip files and folders matching this glob when searching folders (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Refuse files (and files at the revision) larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::input::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Grouped changes for a terminal.
    Human,
    /// A pull-request comment.
    Markdown,
    /// The stable JSON shape (`"version": 1`).
    Json,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Team files or folders.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Print no note of the file written.
    #[arg(short, long)]
    pub quiet: bool,

    /// Write the page here (atomically); stdout when omitted.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Write a file with several hard links or another owner in place.
    #[arg(long)]
    pub force: bool,

    /// Skip files and folders matching this glob when searching folders (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the team file.
    #[arg(value_name = "PATH", default_value = "team.toml")]
    pub path: PathBuf,

    /// Of the new file's check, print only the summary line; no next step.
    #[arg(short, long)]
    pub quiet: bool,

    /// The catalog (b2b, b2c, d2c, small-team, marketing-team, it-team, warehouse-team); asked for when omitted on a terminal.
    #[arg(long, value_name = "ID")]
    pub catalog: Option<String>,

    /// The team's name; asked for when omitted on a terminal.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Do not prompt: write the catalog's template (small-team unless --catalog says).
    #[arg(long, short = 'y')]
    pub yes: bool,

    /// Overwrite the file if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each is an independent command-line flag"
)]
pub struct RaciArgs {
    /// The team file; or an org's file, folder or any unit (the org's matrix).
    #[arg(value_name = "PATH")]
    pub file: PathBuf,

    /// Print only the matrix (with --check, only what is out of date): no notes on stderr.
    #[arg(short, long)]
    pub quiet: bool,

    /// Columns are people (default) or roles.
    #[arg(long, value_enum, default_value_t = RaciBy::Person)]
    pub by: RaciBy,

    /// With --by role: the catalog's roles with their own letters (every role; with --person,
    /// that person's) [default: the roles the team holds, each with the work of unheld roles
    /// that falls to it]
    #[arg(long)]
    pub all_roles: bool,

    /// Output format [default: table; markdown with --inject; else from the --output extension]
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<RaciFormat>,

    /// Only these activities (repeatable).
    #[arg(long, value_name = "ID")]
    pub activity: Vec<String>,

    /// Only activities of these areas (repeatable).
    #[arg(long, value_name = "AREA", value_parser = area_parser())]
    pub area: Vec<Area>,

    /// Only this person's column and the activities they are on.
    #[arg(long, value_name = "ID")]
    pub person: Option<String>,

    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE", conflicts_with = "inject")]
    pub output: Option<PathBuf>,

    /// Replace the matrix between the teamplan markers in this file.
    #[arg(long, value_name = "FILE")]
    pub inject: Option<PathBuf>,

    /// Write nothing; print a diff and exit 1 if --inject/--output would change the file.
    #[arg(long)]
    pub check: bool,

    /// Write a file with several hard links or another owner in place.
    #[arg(long)]
    pub force: bool,

    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::input::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RaciFormat {
    /// A terminal table with a legend.
    Table,
    /// A GitHub-flavoured markdown table.
    Markdown,
    /// Comma-separated values (RFC 4180).
    Csv,
    /// The stable JSON shape (`"version": 1`).
    Json,
    /// One self-contained HTML page.
    Html,
    /// A Mermaid flowchart of people → roles → areas (renders on GitHub).
    Mermaid,
}

#[derive(Debug, Args)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent command-line flags, as clap gives them"
)]
pub struct CheckArgs {
    /// Team files or folders (searched recursively for *.toml).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Print only the summary line (the human format; machine formats are always whole).
    #[arg(short, long)]
    pub quiet: bool,

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
    #[arg(long, value_name = "BYTES", default_value_t = crate::input::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,

    /// Fix what has one safe answer — a misspelt key, catalog, role, person or activity
    /// whose only close candidate is the fix — in the files, then check them.
    #[arg(long)]
    pub fix: bool,

    /// With --fix: print the fixes as a unified diff and write nothing.
    #[arg(long, requires = "fix")]
    pub dry_run: bool,

    /// With --fix: write a file with several hard links or another owner in place.
    #[arg(long, requires = "fix")]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Findings with source snippets, then a summary table.
    Human,
    /// Machine-readable findings (stable shape, `"version": 1`).
    Json,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// A pull-request comment: summary and a findings table.
    Markdown,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
}

impl CheckArgs {
    /// The rule levels the command line sets.
    #[must_use]
    pub fn levels(&self) -> LevelOverrides {
        let mut levels = LevelOverrides::default();
        for (rules, level) in [
            (&self.allow, LintLevel::Allow),
            (&self.warn, LintLevel::Warn),
            (&self.deny, LintLevel::Deny),
        ] {
            for &rule in rules {
                levels.set(rule, level);
            }
        }
        levels
    }
}

//! teamplan: plan e-commerce teams against a role catalog.
//!
//! The layers, each importing only from those above it in this list:
//!
//! - [`diag`]: the vocabulary (rules, levels, findings, source positions, did-you-mean);
//! - [`input`]: finding and reading files, TOML errors as findings;
//! - [`catalog`]: role catalogs, built in and custom;
//! - [`team`]: team files and the team model;
//! - [`resolve`]: the resolved RACI matrix every rule and renderer reads;
//! - [`rules`]: the checks, one file per family;
//! - [`analysis`]: the pipeline every command runs;
//! - [`diff`]: what a change to team files does;
//! - [`plan`]: timelines of headcount, fte and cost, hiring plans, scenarios;
//! - [`suggest`]: who could take each gap, and the fewest new positions;
//! - [`render`]: every output, with one escaper per context;
//! - [`write`]: every file write;
//! - [`cli`]: the command line (clap), converted into domain types;
//! - [`commands`]: one thin file per subcommand.
#![forbid(unsafe_code)]

pub mod analysis;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod diag;
pub mod diff;
pub mod input;
pub mod plan;
pub mod render;
pub mod resolve;
pub mod rules;
pub mod suggest;
pub mod team;
pub mod write;

use std::io::Write as _;
use std::process::ExitCode;

use cli::{Cli, ColorChoice, Command};

/// Run the parsed command line and return the process exit code.
#[must_use]
pub fn run(cli: &Cli) -> ExitCode {
    let choice = match cli.color {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
    let mut stdout = Output::new();
    let ctx = commands::Ctx::new(cli.root.as_deref(), cli.at.and_then(|d| d.0));
    let result = match &cli.command {
        Command::Check(args) => commands::check::run(args, &ctx, &mut stdout),
        Command::Raci(args) => {
            commands::raci::run(args, &ctx, &mut stdout, &mut anstream::stderr())
        }
        Command::Diff(args) => commands::diff::run(args, &ctx, &mut stdout),
        Command::Report(args) => commands::report::run(args, &ctx, &mut stdout),
        Command::Export(args) => {
            commands::export::run(args, &ctx, &mut stdout, &mut anstream::stderr())
        }
        Command::Plan(args) if args.compare => {
            commands::scenarios::run(args, &ctx, &mut stdout, &mut anstream::stderr())
        }
        Command::Plan(args) => {
            commands::plan::timeline_or_positions(args, &ctx, &mut stdout, &mut anstream::stderr())
        }
        Command::Suggest(args) => {
            commands::suggest::run(args, &ctx, &mut stdout, &mut anstream::stderr())
        }
        Command::Init(args) => commands::init::run(args, cli.root.as_deref(), &mut stdout),
        Command::Catalog(command) => commands::catalog::run(command, &mut stdout),
        Command::Explain(args) => commands::explain::run(args, &mut stdout),
        Command::Schema(args) => commands::meta::schema(args, &mut stdout),
        Command::Completions(args) => commands::meta::completions(args.shell, &mut stdout),
    };
    let _ = stdout.flush();
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            let mut stderr = anstream::stderr();
            // Messages quote paths and names from the input: shown, never obeyed.
            let _ = writeln!(
                stderr,
                "error: {}",
                render::escape::terminal(&format!("{e:#}"))
            );
            ExitCode::from(2)
        }
    }
}

/// Standard output for the commands: with colour off, each write has its styles stripped
/// and goes out in large blocks. (anstream's own stripping passes the text on piece by
/// piece, and through stdout's line buffer a long report became one system call per line.)
enum Output {
    Strip(std::io::Stdout, anstream::adapter::StripBytes),
    Auto(anstream::AutoStream<std::io::Stdout>),
}

impl Output {
    fn new() -> Self {
        let stdout = std::io::stdout();
        match anstream::AutoStream::choice(&stdout) {
            anstream::ColorChoice::Never => {
                Self::Strip(stdout, anstream::adapter::StripBytes::new())
            }
            choice => Self::Auto(anstream::AutoStream::new(stdout, choice)),
        }
    }
}

impl std::io::Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Self::Auto(stream) => stream.write(buf),
            Self::Strip(stdout, strip) => {
                let mut out = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
                for printable in strip.strip_next(buf) {
                    out.write_all(printable)?;
                }
                out.flush()?;
                Ok(buf.len())
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Self::Auto(stream) => stream.flush(),
            Self::Strip(stdout, _) => stdout.flush(),
        }
    }
}

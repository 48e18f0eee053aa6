use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = teamplan::cli::Cli::parse();
    teamplan::run(&cli)
}

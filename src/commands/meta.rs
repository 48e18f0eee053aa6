//! `teamplan schema` and `teamplan completions`: files generated from the code itself.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, SchemaArgs, ShellArg};

/// Print the team file's JSON Schema, for one catalog when asked.
///
/// # Errors
/// An unknown catalog; failing to write.
pub fn schema(args: &SchemaArgs, out: &mut dyn Write) -> Result<u8> {
    let catalog = args
        .catalog
        .as_deref()
        .map(crate::catalog::find)
        .transpose()?;
    out.write_all(crate::team::schema_json(catalog.as_deref()).as_bytes())?;
    Ok(0)
}

/// Print completions for a shell, or the man page.
///
/// # Errors
/// Failing to write.
pub fn completions(shell: ShellArg, out: &mut dyn Write) -> Result<u8> {
    let mut cmd = Cli::command();
    let shell = match shell {
        ShellArg::Bash => clap_complete::Shell::Bash,
        ShellArg::Zsh => clap_complete::Shell::Zsh,
        ShellArg::Fish => clap_complete::Shell::Fish,
        ShellArg::Powershell => clap_complete::Shell::PowerShell,
        ShellArg::Elvish => clap_complete::Shell::Elvish,
        ShellArg::Man => {
            let mut buffer = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut buffer)?;
            out.write_all(&buffer)?;
            return Ok(0);
        }
    };
    // Generate into memory: the generator panics on a write error such as a closed pipe.
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut cmd, "teamplan", &mut buffer);
    out.write_all(&buffer)?;
    Ok(0)
}

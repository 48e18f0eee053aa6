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
            out.write_all(&man_page(cmd)?)?;
            return Ok(0);
        }
    };
    // Generate into memory: the generator panics on a write error such as a closed pipe.
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut cmd, "teamplan", &mut buffer);
    out.write_all(&buffer)?;
    Ok(0)
}

/// One man page, whole: `clap_mangen`'s sections for the top command, and a COMMANDS section
/// that lists every command (and `catalog`'s) with where to read its options, instead of
/// pointing at a `teamplan-check(1)` page that is never installed.
fn man_page(mut cmd: clap::Command) -> std::io::Result<Vec<u8>> {
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    page.extend_from_slice(b".SH COMMANDS\n");
    let visible = |c: &clap::Command| !c.is_hide_set() && c.get_name() != "help";
    for sub in cmd.get_subcommands().filter(|c| visible(c)) {
        let mut entries = vec![(sub.get_name().to_owned(), sub)];
        entries.extend(
            sub.get_subcommands()
                .filter(|c| visible(c))
                .map(|c| (format!("{} {}", sub.get_name(), c.get_name()), c)),
        );
        for (name, c) in entries {
            let about = c.get_about().map(ToString::to_string).unwrap_or_default();
            page.extend_from_slice(
                format!(".TP\n\\fBteamplan {}\\fR\n{}\n", roff(&name), roff(&about)).as_bytes(),
            );
        }
    }
    page.extend_from_slice(
        b".PP\nEach command's options and examples: \\fBteamplan\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR.\n",
    );
    man.render_extra_section(&mut page)?;
    man.render_version_section(&mut page)?;
    Ok(page)
}

/// Text for a roff line: backslashes and hyphens escaped, no request at its start.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

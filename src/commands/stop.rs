//! A command that writes what the teams are (an export, a plan) stops when one of them
//! cannot be read: it would be written without its people.

use std::io::Write;

use anyhow::Result;

use crate::analysis::{Analysis, Outcome};
use crate::render::findings;

/// Whether `analysis` cannot stand for the teams: a file that cannot be read, or no team.
#[must_use]
pub fn must_stop(analysis: &Analysis) -> bool {
    analysis.unreadable().is_some() || analysis.teams.is_empty()
}

/// Say on `err` what stops the command (the blocking errors only, not every finding of
/// every team) and that nothing was `done`; exit code 2.
pub fn refuse(
    analysis: Analysis,
    skipped: Vec<String>,
    err: &mut dyn Write,
    done: &str,
) -> Result<u8> {
    let mut outcome = Outcome::new(analysis, skipped);
    outcome.findings.retain(|f| f.rule.is_unreadable());
    let unreadable = !outcome.findings.is_empty();
    if unreadable {
        err.write_all(findings::human::render_findings(&outcome).as_bytes())?;
    }
    writeln!(
        err,
        "error: nothing was {done}: {}",
        if unreadable {
            "fix the files above and run it again"
        } else {
            "no team file among the paths given"
        }
    )?;
    Ok(2)
}

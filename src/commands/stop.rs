//! A command that writes what the teams are (an export, a plan) stops when one of them
//! cannot be read: it would be written without its people; and says when they have
//! findings, which it does not print.

use std::io::Write;

use anyhow::Result;

use super::context::Ctx;
use crate::analysis::{Analysis, Outcome, Summary};
use crate::diag::rule::Severity;
use crate::diag::words::count;
use crate::render::escape;
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

/// Say on `err` that the teams `done` have findings on the day checked, and the command
/// that shows them.
pub fn say_findings(
    analysis: &Analysis,
    paths: &[std::path::PathBuf],
    ctx: &Ctx<'_>,
    err: &mut dyn Write,
    done: &str,
) -> Result<()> {
    let errors = analysis
        .findings
        .iter()
        .filter(|f| f.level == Severity::Error)
        .count();
    let summary = Summary {
        errors,
        warnings: analysis.findings.len() - errors,
        ..Summary::default()
    };
    let elsewhere = analysis.elsewhere;
    if analysis.findings.is_empty() && elsewhere == 0 {
        return Ok(());
    }
    let paths: Vec<String> = paths.iter().map(|p| escape::shell_path(p)).collect();
    let at = if ctx.given {
        format!(" --at {}", ctx.at)
    } else {
        String::new()
    };
    writeln!(
        err,
        "warning: the teams {done} have findings on {} ({}{}); run `teamplan check {}{at}` for details",
        ctx.at,
        findings::human::counts(&summary),
        if elsewhere > 0 {
            format!(
                ", and {} in the org's other files",
                count(elsewhere, "more finding")
            )
        } else {
            String::new()
        },
        paths.join(" ")
    )?;
    Ok(())
}

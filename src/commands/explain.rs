//! `teamplan explain RULE` and `--list`.

use std::io::Write;

use anyhow::{Result, bail};

use crate::cli::ExplainArgs;
use crate::diag::Rule;
use crate::render::explain;

/// Run `explain`; returns the exit code.
///
/// # Errors
/// An unknown rule name (with a suggestion).
pub fn run(args: &ExplainArgs, out: &mut dyn Write) -> Result<u8> {
    if args.list {
        out.write_all(explain::list().as_bytes())?;
        return Ok(0);
    }
    let name = args.rule.as_deref().unwrap_or_default();
    let Some(rule) = Rule::ALL.iter().copied().find(|r| r.name() == name) else {
        let hint = crate::diag::suggest::hint(name, Rule::ALL.iter().map(|r| r.name()));
        bail!(
            "unknown rule `{name}`{}; `teamplan explain --list` lists them",
            hint.map(|h| format!(" ({h})")).unwrap_or_default()
        );
    };
    out.write_all(explain::render(rule).as_bytes())?;
    Ok(0)
}

//! `teamplan explain RULE` and `--list`.

use std::io::Write;

use anyhow::{Result, bail};
use comfy_table::{Table, presets};

use crate::cli::ExplainArgs;
use crate::diag::{LintLevel, Rule};
use crate::render::explain;

/// Run `explain`; returns the exit code.
///
/// # Errors
/// An unknown rule name (with a suggestion).
pub fn run(args: &ExplainArgs, out: &mut dyn Write) -> Result<u8> {
    if args.list {
        let mut table = Table::new();
        table
            .load_style(presets::UTF8_FULL_CONDENSED)
            .set_header(vec!["rule", "level", "fires when"]);
        for rule in Rule::ALL {
            let level = match rule.default_level() {
                LintLevel::Deny => "error",
                LintLevel::Warn => "warn",
                LintLevel::Allow => "allow",
            };
            table.add_row(vec![rule.name(), level, rule.summary()]);
        }
        writeln!(out, "{table}")?;
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

//! `check --fix`: make the safe fixes, write each changed file through the one write path
//! (or print the changes as a diff with `--dry-run`), and say what was done on stderr.

use std::io::Write as _;

use anyhow::{Context as _, Result};

use crate::analysis::fix::{self, FixedFile, Record};
use crate::analysis::{Input, LevelOverrides};
use crate::render::escape;
use crate::render::unified;
use crate::team::LoadOptions;
use crate::write::{Change, Options, Target, prepare};

/// How `--fix` runs: `--dry-run`, `-q`, `--force`.
#[derive(Debug, Clone, Copy)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "three independent command-line flags"
)]
pub struct How {
    pub dry_run: bool,
    pub quiet: bool,
    pub force: bool,
}

/// Fix `inputs`; returns them as they now read, and every fix as reports show it. With
/// `dry_run` the changes are printed to `out` as a unified diff and nothing is written.
///
/// # Errors
/// A file could not be written, or changed since it was read.
pub fn run(
    inputs: &[Input],
    options: LoadOptions<'_>,
    levels: &LevelOverrides,
    how: How,
    out: &mut dyn std::io::Write,
) -> Result<(Vec<Input>, Vec<Record>)> {
    let How {
        dry_run,
        quiet,
        force,
    } = how;
    let (fixed_inputs, files) = fix::passes(inputs, options, levels);
    let changed: Vec<&FixedFile> = files.iter().filter(|f| f.after != f.before.text).collect();
    let mut records: Vec<Record> = files.iter().flat_map(FixedFile::records).collect();
    records.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    if dry_run {
        for file in &changed {
            let diff = unified::diff(&file.path, &file.before.text, &file.after);
            out.write_all(diff.as_bytes())?;
        }
        report(&records, dry_run, quiet)?;
        return Ok((fixed_inputs, records));
    }
    // Every file is checked before any is written: a refusal leaves them all as they were.
    let write_options = Options {
        root: options.root,
        force,
        inputs: &[],
    };
    let mut ready = Vec::with_capacity(changed.len());
    for file in &changed {
        ready.push((file, ready_to_write(file, options, &write_options)?));
    }
    for (i, (file, (target, current))) in ready.iter().enumerate() {
        if let Err(e) = write(file, target, current) {
            // Said, with what was written before it failed.
            let written: Vec<Record> = ready[..i].iter().flat_map(|(f, _)| f.records()).collect();
            report(&written, false, quiet)?;
            return Err(e);
        }
    }
    report(&records, dry_run, quiet)?;
    Ok((fixed_inputs, records))
}

/// Where a fixed file goes, and what it holds now: refused if it changed since it was read.
fn ready_to_write(
    file: &FixedFile,
    options: LoadOptions<'_>,
    write_options: &Options<'_>,
) -> Result<(Target, String)> {
    ready_in_place(
        &file.path,
        &file.before.text,
        options.max_file_size,
        write_options,
    )
}

/// Where an edited file goes, and what it holds now: refused if it is no longer `before`.
///
/// # Errors
/// The target may not be written, cannot be read, or changed since it was read.
pub(super) fn ready_in_place(
    path: &std::path::Path,
    before: &str,
    max_file_size: u64,
    write_options: &Options<'_>,
) -> Result<(Target, String)> {
    let target = prepare(path, Change::Edit { read: &[] }, write_options)?;
    let current = target
        .current(max_file_size)?
        .context("not a regular file")?;
    if current.strip_prefix('\u{feff}').unwrap_or(&current) != before {
        anyhow::bail!(
            "{} changed since it was read (saved by an editor?); run the command again",
            escape::path(path)
        );
    }
    Ok((target, current))
}

/// Write a fixed file in place, its byte-order mark kept: refused if it changed since.
fn write(file: &FixedFile, target: &Target, current: &str) -> Result<()> {
    write_in_place(&file.after, target, current)
        .with_context(|| format!("cannot fix {}", escape::path(&file.path)))
}

/// Write `after` over a file read as `current`, its byte-order mark kept.
///
/// # Errors
/// The file changed since it was read, or cannot be written.
pub(super) fn write_in_place(after: &str, target: &Target, current: &str) -> Result<()> {
    let after = if current.starts_with('\u{feff}') {
        format!("\u{feff}{after}")
    } else {
        after.to_owned()
    };
    let change = Change::Edit {
        read: current.as_bytes(),
    };
    target.write(change, &mut |w| w.write_all(after.as_bytes()))?;
    Ok(())
}

/// What was fixed, and what was not and why, on stderr (with `quiet`, the count alone).
fn report(records: &[Record], dry_run: bool, quiet: bool) -> std::io::Result<()> {
    let mut err = anstream::stderr();
    let made = if dry_run { "would fix" } else { "fixed" };
    for r in records.iter().filter(|_| !quiet) {
        let at = format!("{}:{}:{}", escape::terminal(&r.file), r.line, r.column);
        let names: Vec<String> =
            r.to.iter()
                .map(|t| format!("`{}`", escape::terminal(t)))
                .collect();
        let from = escape::terminal(&r.from);
        match r.reason {
            None => writeln!(err, "{made} {at}: `{from}` → {}", names.join(", "))?,
            Some(why) if names.len() > 1 => writeln!(
                err,
                "not fixed {at}: `{from}`: {why} (one of {})",
                names.join(", ")
            )?,
            Some(why) => writeln!(
                err,
                "not fixed {at}: `{from}` → {}: {why}",
                names.join(", ")
            )?,
        }
    }
    let count = records.iter().filter(|r| r.fixed).count();
    if count == 0 {
        writeln!(err, "nothing to fix safely")?;
    } else {
        writeln!(
            err,
            "{made} {}",
            crate::diag::words::count(count, "problem")
        )?;
    }
    Ok(())
}

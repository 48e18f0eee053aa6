//! Where a command's text goes: stdout, a file (written through [`crate::write`]), the
//! part of a file between `raci --inject`'s markers, or, with `--check`, nowhere: exit 1
//! and a diff when the file is not what it would be written as.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::render::{escape, inject, unified};
use crate::write::{Change, Options, emit, prepare};

/// Where the text goes.
#[derive(Debug, Clone, Copy)]
pub enum Dest<'a> {
    Stdout,
    /// `--output FILE`: the whole file.
    Output(&'a Path),
    /// `--inject FILE`: the text between the file's markers.
    Inject(&'a Path),
}

/// How a command delivers its text.
pub struct Delivery<'a> {
    pub dest: Dest<'a>,
    /// Write nothing; exit 1 with a diff when the target differs.
    pub check: bool,
    pub quiet: bool,
    pub force: bool,
    pub max_file_size: u64,
    pub root: Option<&'a Path>,
    /// The files this run read: never written over.
    pub inputs: &'a [PathBuf],
    /// The options `--check` needs, named in its error when there is no target.
    pub check_needs: &'a str,
}

/// Deliver `rendered`; returns the exit code.
///
/// # Errors
/// `--check` without a target, a target that must not be written, bad markers.
pub fn deliver(
    rendered: &str,
    how: &Delivery<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8> {
    let (target, inject) = match how.dest {
        // `-o -` is stdout, as in most tools.
        Dest::Output(target) if target != Path::new("-") => (target, false),
        Dest::Inject(target) => (target, true),
        Dest::Stdout | Dest::Output(_) => {
            if how.check {
                anyhow::bail!("--check needs {} to compare with", how.check_needs);
            }
            out.write_all(rendered.as_bytes())?;
            return Ok(0);
        }
    };
    // Every refusal comes before anything is read: a target that must not be written
    // (outside the root, an input of this run) is not read or shown either.
    let options = Options {
        root: how.root,
        force: how.force,
        inputs: how.inputs,
    };
    let planned = if inject {
        Change::Edit { read: b"" }
    } else {
        Change::Replace
    };
    let place = prepare(target, planned, &options)?;
    // What the target holds now, within --max-file-size; a device or FIFO is never read.
    // An --output that cannot be read as text is simply replaced.
    // An export bigger than --max-file-size is still compared whole.
    let bound = if inject {
        how.max_file_size
    } else {
        how.max_file_size.max(rendered.len() as u64 + 1)
    };
    let current = match place.current(bound) {
        Ok(current) => current,
        Err(e) if how.check => {
            return Err(e.context(format!("cannot compare with {}", escape::path(target))));
        }
        Err(e) if inject => return Err(e),
        Err(_) => None,
    };
    let wanted = if inject {
        let doc = current.as_deref().unwrap_or_default();
        inject::inject(doc, rendered)
            .with_context(|| format!("cannot inject into {}", escape::path(target)))?
    } else {
        rendered.to_owned()
    };
    let old = current.clone().unwrap_or_default();
    if how.check {
        // A checkout that turned the file's line endings into CRLF (git's `autocrlf`) holds
        // the same text.
        if old == wanted || (!inject && old.replace("\r\n", "\n") == wanted) {
            if !how.quiet {
                writeln!(err, "{} is up to date", escape::path(target))?;
            }
            return Ok(0);
        }
        writeln!(
            err,
            "error: {} is out of date; run the same command without --check to update it",
            escape::path(target)
        )?;
        return Ok(emit(
            out,
            unified::diff(target, &old, &wanted).as_bytes(),
            1,
        )?);
    }
    if old != wanted || !place.is_file() {
        let change = match &current {
            Some(read) if inject => Change::Edit {
                read: read.as_bytes(),
            },
            _ => Change::Replace,
        };
        place.write(change, &mut |w| w.write_all(wanted.as_bytes()))?;
    }
    if !how.quiet {
        writeln!(
            err,
            "{} {}",
            if old == wanted { "unchanged:" } else { "wrote" },
            escape::path(target)
        )?;
    }
    Ok(0)
}

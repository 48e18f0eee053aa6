//! `teamplan raci FILE`: render the resolved matrix, write it, or keep a docs file fresh.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::analysis::{Keep, LevelOverrides, Outcome, analyze, find_inputs, org_file_of};
use crate::cli::{RaciArgs, RaciBy, RaciFormat};
use crate::input::discover::Exclude;
use crate::input::root::lexical;
use crate::render::escape;
use crate::render::findings;
use crate::render::matrix::{self, Filter, Matrix};
use crate::render::width::terminal_width;
use crate::resolve::Resolved;
use crate::team::Team;

use super::deliver::{Delivery, Dest, deliver};

/// Run `raci`; returns the exit code.
///
/// # Errors
/// Bad filters, unwritable targets, bad markers.
pub fn run(
    args: &RaciArgs,
    ctx: &super::context::Ctx<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8> {
    let root = ctx.root;
    let options = ctx.load_options(args.max_file_size);
    if args.all_roles && args.by != RaciBy::Role {
        anyhow::bail!("--all-roles is for columns by role: add `--by role`");
    }
    // A path inside an org is the org: its matrix, people grouped by unit.
    let (inputs, _) = find_inputs(
        std::slice::from_ref(&args.file),
        &Exclude::none(),
        root,
        args.max_file_size,
    );
    let mut analysis = analyze(&inputs, options, &LevelOverrides::default(), Keep::Teams);
    // The org of the path given (a folder may hold a nested org too, loaded with it).
    let wanted = org_file_of(&args.file, root, args.max_file_size)
        .ok()
        .flatten()
        .map(|o| lexical(&o));
    let org = analysis
        .teams
        .iter()
        .position(|t| t.is_org() && wanted.as_ref() == Some(&lexical(t.source.path())))
        .or_else(|| analysis.teams.iter().position(Team::is_org));
    if let Some(shown) = org
        .filter(|_| analysis.teams.len() > 1)
        .map(|i| &analysis.teams[i])
    {
        // What is said of the org shown, not of another loaded beside it.
        let files: std::collections::HashSet<String> = std::iter::once(&shown.source)
            .chain(
                shown
                    .org
                    .iter()
                    .flat_map(|o| o.units.iter().map(|u| &u.source)),
            )
            .map(|s| s.path().display().to_string())
            .collect();
        analysis.findings.retain(|f| files.contains(&f.file));
    }
    if args.file.is_dir() && org.is_none() {
        anyhow::bail!(
            "`raci` shows one team's matrix, and {} is a folder: name one team file in it, or a folder of an org (`teamplan check` and `teamplan report` take folders)",
            escape::path(&args.file)
        );
    }
    let team = match org {
        Some(i) => Some(analysis.teams.swap_remove(i)),
        None => analysis.teams.pop(),
    };
    let Some(team) = team else {
        let outcome = Outcome::new(analysis, Vec::new());
        if outcome.unreadable() {
            err.write_all(findings::human::render_findings(&outcome).as_bytes())?;
        } else {
            writeln!(
                err,
                "error: {} is not a team file: it has no [team] table",
                escape::path(&args.file)
            )?;
        }
        return Ok(2);
    };
    if !args.quiet {
        let s = Outcome::new(analysis, Vec::new()).summary();
        if s.errors + s.warnings > 0 {
            writeln!(
                err,
                "warning: {} has findings ({}); run `teamplan check {}` for details",
                escape::path(&args.file),
                findings::human::counts(&s),
                escape::shell_path(&args.file)
            )?;
        }
    }
    let resolved = Resolved::new(&team);
    let filter = Filter {
        activities: args.activity.clone(),
        areas: args.area.clone(),
        person: args.person.clone(),
        all_roles: args.all_roles,
    };
    let matrix = Matrix::new(&resolved, args.by.into(), &filter)?;
    let format = args.format.unwrap_or_else(|| default_format(args));
    let rendered = match format {
        RaciFormat::Table => matrix::table::render(&matrix, terminal_width()),
        RaciFormat::Markdown => matrix::markdown::render(&matrix),
        RaciFormat::Csv => matrix::csv::render(&matrix)?,
        RaciFormat::Json => matrix::json::render(&matrix),
        RaciFormat::Html => matrix::html::render(&matrix),
        RaciFormat::Mermaid => {
            let filtered = !args.activity.is_empty()
                || !args.area.is_empty()
                || args.person.is_some()
                || args.all_roles
                || matches!(args.by, crate::cli::RaciBy::Role);
            if filtered {
                anyhow::bail!(
                    "--format mermaid draws the whole team, people → roles → areas: --by, --all-roles, --area, --activity and --person do not apply to it"
                );
            }
            let bare = args
                .output
                .as_deref()
                .and_then(Path::extension)
                .is_some_and(|e| e == "mmd" || e == "mermaid");
            matrix::mermaid::render(&resolved, !bare)
        }
    };
    let mut read: Vec<std::path::PathBuf> = inputs.iter().map(|i| i.path.clone()).collect();
    read.extend(team.catalog_file.clone());
    deliver(
        &rendered,
        &Delivery {
            dest: match (&args.inject, &args.output) {
                (Some(file), _) => Dest::Inject(file),
                (None, Some(file)) => Dest::Output(file),
                (None, None) => Dest::Stdout,
            },
            check: args.check,
            quiet: args.quiet,
            force: args.force,
            max_file_size: args.max_file_size,
            root,
            inputs: &read,
            check_needs: "--inject FILE or --output FILE",
        },
        out,
        err,
    )
}

fn default_format(args: &RaciArgs) -> RaciFormat {
    if args.inject.is_some() {
        return RaciFormat::Markdown;
    }
    let ext = args
        .output
        .as_deref()
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("md" | "markdown") => RaciFormat::Markdown,
        Some("csv") => RaciFormat::Csv,
        Some("json") => RaciFormat::Json,
        Some("html" | "htm") => RaciFormat::Html,
        Some("mmd" | "mermaid") => RaciFormat::Mermaid,
        _ => RaciFormat::Table,
    }
}

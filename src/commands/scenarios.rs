//! `teamplan plan --compare A B [C...]`: each path a plan of its own, side by side.

use std::io::Write;

use anyhow::{Result, bail};

use super::context::Ctx;
use super::plan::{load, name_of, range};
use crate::cli::{PlanArgs, PlanFormat};
use crate::diag::rule::Severity;
use crate::input::discover::Exclude;
use crate::plan::{Plan, changes, figures, timeline};
use crate::render::plan::compare::{Compared, Range, grids, json};
use crate::render::plan::grid::Layout;

/// Compare the plans of `args.paths`.
///
/// # Errors
/// Fewer than two paths, plans in different currencies, output that cannot be written.
pub fn run(args: &PlanArgs, ctx: &Ctx<'_>, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8> {
    let (from, to) = range(args, ctx.at)?;
    if args.paths.len() < 2 {
        bail!(
            "--compare needs two plans or more: `teamplan plan --compare A B`, each a team file or an org's folder"
        );
    }
    let exclude = Exclude::new(&args.exclude)?;
    let mut analyses = Vec::with_capacity(args.paths.len());
    for path in &args.paths {
        match load(std::slice::from_ref(path), &exclude, args, ctx, err)? {
            Ok(a) => analyses.push(a),
            Err(code) => return Ok(code),
        }
    }
    super::check::warn_unused(&exclude)?;
    let plans: Vec<Plan<'_>> = analyses
        .iter()
        .map(|a| Plan::of(&a.teams).map_err(anyhow::Error::msg))
        .collect::<Result<_>>()?;
    let currency = plans.iter().find_map(|p| p.currency.as_deref());
    if let Some((p, other)) = plans.iter().zip(&args.paths).find_map(|(p, path)| {
        p.currency
            .as_deref()
            .filter(|c| Some(*c) != currency)
            .map(|c| (path, c))
    }) {
        bail!(
            "the plans compared have different currencies: {} is in {other}, the others in {}; convert one so the costs compare",
            crate::render::escape::path(p),
            currency.unwrap_or_default()
        );
    }
    let compared: Vec<Compared> = plans
        .iter()
        .zip(&analyses)
        .zip(&args.paths)
        .enumerate()
        .map(|(i, ((plan, analysis), path))| {
            let t = timeline(plan, from, to, args.by.into());
            let errors = analysis
                .findings
                .iter()
                .filter(|f| f.level == Severity::Error)
                .count();
            Compared {
                name: name_of(plan),
                path: path.display().to_string(),
                figures: figures(&t),
                errors,
                warnings: analysis.findings.len() - errors,
                changes: if i == 0 {
                    Vec::new()
                } else {
                    changes(&plans[0], plan, from, to)
                },
            }
        })
        .collect();
    // Plans of one name are told apart by their paths.
    let mut compared = compared;
    let names: Vec<String> = compared.iter().map(|c| c.name.clone()).collect();
    for c in &mut compared {
        if names.iter().filter(|n| **n == c.name).count() > 1 {
            c.name = format!("{} ({})", c.name, c.path);
        }
    }
    let range = Range {
        from,
        to,
        at: ctx.at,
        currency,
    };
    let text = match args.format {
        PlanFormat::Json => json(&compared, range),
        PlanFormat::Markdown => grids(&compared, range, Layout::Markdown)?,
        PlanFormat::Csv => grids(&compared, range, Layout::Csv)?,
        PlanFormat::Table => grids(&compared, range, Layout::Table)?,
    };
    out.write_all(text.as_bytes())?;
    Ok(0)
}

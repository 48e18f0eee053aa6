//! The default `human` format: findings with source snippets, grouped by file, then a
//! summary table.

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use comfy_table::{ContentArrangement, Table, presets};

use crate::analysis::outcome::{Outcome, Summary};
use crate::analysis::parallel::in_parallel;
use crate::diag::finding::Finding;
use crate::diag::rule::{Rule, Severity};
use crate::diag::words::count;
use crate::render::escape::{
    terminal as escape_for_display, terminal_same_len as sanitize_same_len,
};
use crate::render::style;

/// Render findings (with ANSI styles; the output stream strips them where colour is off).
#[must_use]
pub fn render(outcome: &Outcome, quiet: bool) -> String {
    let mut out = Vec::new();
    // Writing to memory does not fail.
    let _ = render_to(&mut out, outcome, quiet);
    String::from_utf8_lossy(&out).into_owned()
}

/// [`render`] written to `out` one finding at a time: a report of many findings is never
/// held whole in memory.
///
/// # Errors
/// Writing to `out` failed.
pub fn render_to(
    out: &mut dyn std::io::Write,
    outcome: &Outcome,
    quiet: bool,
) -> std::io::Result<()> {
    let summary = outcome.summary();
    if !quiet {
        render_findings_to(out, outcome)?;
        for note in &outcome.notes {
            writeln!(out, "note: {}", escape_for_display(note))?;
        }
        if !outcome.notes.is_empty() {
            writeln!(out)?;
        }
        // With no team checked (a file that does not parse), a table of zeros says nothing.
        if summary.teams + summary.orgs > 0 {
            writeln!(out, "{}", summary_table(&summary))?;
        }
    }
    writeln!(out, "{}", styled_summary_line(&summary))
}

/// Just the findings, each with its snippet and help.
#[must_use]
pub fn render_findings(outcome: &Outcome) -> String {
    let mut out = Vec::new();
    let _ = render_findings_to(&mut out, outcome);
    String::from_utf8_lossy(&out).into_owned()
}

/// [`render_findings`] written to `out`, a few hundred findings at a time, each batch
/// rendered on as many threads as pay off.
fn render_findings_to(out: &mut dyn std::io::Write, outcome: &Outcome) -> std::io::Result<()> {
    // Several recommended roles missing from one team read as one finding: a fresh
    // template is not a wall of boxes. Machine formats keep one finding per role.
    let mut runs: Vec<&[Finding]> = Vec::new();
    let mut rest = outcome.findings.as_slice();
    while let Some(first) = rest.first() {
        let run = rest
            .iter()
            .take_while(|f| {
                f.rule == Rule::MissingRecommendedRole
                    && first.rule == Rule::MissingRecommendedRole
                    && f.file == first.file
                    && f.team == first.team
                    && f.level == first.level
            })
            .count()
            .max(1);
        runs.push(&rest[..run]);
        rest = &rest[run..];
    }
    let renderer = || Renderer::styled().decor_style(DecorStyle::Unicode);
    for batch in runs.chunks(256) {
        let texts = in_parallel(batch, renderer, |renderer, run| match run {
            [one] => render_finding(renderer, one),
            run => render_missing_recommended(renderer, run),
        });
        for text in texts {
            write!(out, "{text}\n\n")?;
        }
    }
    Ok(())
}

fn render_missing_recommended(renderer: &Renderer, run: &[Finding]) -> String {
    let notes: Vec<String> = run
        .iter()
        .map(|f| escape_for_display(&f.message).into_owned())
        .collect();
    render_located(
        renderer,
        &run[0],
        &format!("{} recommended roles have no holder", run.len()),
        &notes,
        "add each role to someone's roles, or set `missing-recommended-role = \"allow\"` in [rules] if the team goes without on purpose",
    )
}

fn render_finding(renderer: &Renderer, f: &Finding) -> String {
    render_located(
        renderer,
        f,
        &escape_for_display(&f.message),
        &[],
        &escape_for_display(&f.help),
    )
}

/// A titled block at the finding's place (its source line, or its position when the line
/// cannot be shown), with notes under it and a help line; the texts are already safe.
fn render_located(
    renderer: &Renderer,
    f: &Finding,
    title: &str,
    notes: &[String],
    help: &str,
) -> String {
    let level = match f.level {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let file = escape_for_display(&f.file);
    // annotate-snippets lines a message's later lines up under its first.
    let severity = match f.level {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let title = wrap_title(title, severity.len() + f.rule.name().len() + 4);
    let help = &wrap_title(help, 11);
    let notes: Vec<String> = notes.iter().map(|n| wrap_title(n, 5)).collect();
    let title = level.primary_title(title).id(f.rule.name());
    let mut group = match snippet(f) {
        Some((text, line_start, span)) => title.element(
            Snippet::source(text)
                .line_start(line_start)
                .path(file.as_ref())
                .annotation(AnnotationKind::Primary.span(span)),
        ),
        None => title.element(
            Level::NOTE
                .no_name()
                .message(format!("at {file}:{}:{}", f.line, f.column)),
        ),
    };
    for note in &notes {
        group = group.element(Level::NOTE.no_name().message(note.as_str()));
    }
    if !help.is_empty() {
        group = group.element(Level::HELP.message(help));
    }
    renderer.render(&[group])
}

/// `text` broken into lines that fit the terminal after the `prefix` columns before each
/// (`error[rule]: `, `╰ help: `). Only on a terminal: piped output (a CI log, `grep`) keeps
/// each message on one line. Words — ids and paths above all — are never split.
fn wrap_title(text: &str, prefix: usize) -> String {
    use std::io::IsTerminal as _;
    // Asked once: three times per finding, thousands of findings, is a system call each.
    static WIDTH: std::sync::OnceLock<Option<u16>> = std::sync::OnceLock::new();
    let width = *WIDTH.get_or_init(|| {
        crate::render::width::terminal_width().filter(|_| std::io::stdout().is_terminal())
    });
    let Some(width) = width else {
        return text.to_owned();
    };
    let room = usize::from(width).saturating_sub(prefix).max(20);
    textwrap::wrap(
        text,
        textwrap::Options::new(room)
            .break_words(false)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation),
    )
    .join("\n")
}

/// The first source line of the finding's span, made safe for a terminal.
fn snippet(f: &Finding) -> Option<(String, usize, std::ops::Range<usize>)> {
    let excerpt = f.excerpt.as_ref()?;
    // The same length: the finding's byte range still underlines the same characters.
    let text = sanitize_same_len(&excerpt.text);
    let span = excerpt.span.start.min(text.len())..excerpt.span.end.min(text.len());
    Some((text, excerpt.line, span))
}

fn summary_table(s: &Summary) -> String {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    // An org's units are its teams: the org is counted beside them.
    if s.orgs > 0 {
        table
            .set_header(vec!["orgs", "teams", "people", "errors", "warnings"])
            .add_row(vec![s.orgs, s.teams, s.people, s.errors, s.warnings]);
    } else {
        table
            .set_header(vec!["teams", "people", "errors", "warnings"])
            .add_row(vec![s.teams, s.people, s.errors, s.warnings]);
    }
    table.to_string()
}

/// `2 errors, 1 warning`.
#[must_use]
pub fn counts(s: &Summary) -> String {
    format!(
        "{}, {}",
        plural(s.errors, "error"),
        plural(s.warnings, "warning")
    )
}

fn plural(n: usize, word: &str) -> String {
    count(n, word)
}

/// One line: what was checked and what was found.
#[must_use]
pub fn summary_line(s: &Summary) -> String {
    let (word, rest) = summary_parts(s);
    format!("{word}: {rest}")
}

/// The summary line for a terminal: its first word in the colour of the outcome.
fn styled_summary_line(s: &Summary) -> String {
    let (word, rest) = summary_parts(s);
    let word_style = match word {
        "error" => style::ERROR,
        "warning" => style::WARNING,
        _ => style::OK,
    };
    format!("{}: {rest}", style::paint(word_style, word))
}

/// The outcome's word (`ok`, `warning`, `error`) and what follows it.
fn summary_parts(s: &Summary) -> (&'static str, String) {
    let people = plural(s.people, "person").replace("persons", "people");
    let checked = if s.orgs > 0 {
        format!(
            "{} of {} ({people})",
            plural(s.orgs, "org"),
            plural(s.teams, "team")
        )
    } else if s.teams == 0 {
        "no team".to_owned()
    } else {
        format!("{} ({people})", plural(s.teams, "team"))
    };
    let checked = match s.on {
        Some(day) => format!("{checked} checked on {day}"),
        None => format!("{checked} checked"),
    };
    if s.errors == 0 && s.warnings == 0 {
        ("ok", format!("{checked}, no findings"))
    } else {
        (
            if s.errors > 0 { "error" } else { "warning" },
            format!("{checked}, {}", counts(s)),
        )
    }
}

//! The body of the `check` fuzz target, shared by the libFuzzer target
//! (`fuzz_targets/check.rs`, `cargo +nightly fuzz run check`) and the stable harness
//! (`src/bin/stable.rs`), so both exercise exactly the same code.
//!
//! One input is one team file's bytes. It goes through what `teamplan check` and
//! `teamplan raci` do with a file: the loader (UTF-8, BOM, TOML, shape), the resolver, every
//! rule, the level overrides, every check reporter and every RACI renderer. Any panic is a
//! bug; so is a finding that points outside the file.
#![forbid(unsafe_code)]

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;

use teamplan::analysis::index::people_in_several_teams;
use teamplan::analysis::{LevelOverrides, Outcome};
use teamplan::catalog::CatalogStore;
use teamplan::diag::Finding;
use teamplan::diag::SourceFile;
use teamplan::render::findings as report;
use teamplan::render::matrix::{By, Filter, Matrix};
use teamplan::resolve::Resolved;
use teamplan::rules;
use teamplan::team::{self, LoadOptions, Loaded};

thread_local! {
    // Built-in catalogs are parsed once, not once per input.
    static STORE: RefCell<CatalogStore> = RefCell::new(CatalogStore::default());
}

/// Run one input through the whole pipeline. Panics on a bug.
///
/// Returns a fingerprint of what the input did (how it loaded, which rules fired, which
/// parse error): the stable harness keeps inputs with a new fingerprint, a coarse stand-in
/// for libFuzzer's coverage feedback.
pub fn check(data: &[u8]) -> u64 {
    let mut seen = Fingerprint::default();
    run(data, &mut seen);
    seen.finish()
}

/// What an input did, hashed.
#[derive(Default)]
struct Fingerprint(std::collections::BTreeSet<String>);

impl Fingerprint {
    fn add(&mut self, what: impl Into<String>) {
        self.0.insert(what.into());
    }

    fn findings(&mut self, findings: &[Finding]) {
        for f in findings {
            // The rule, and for parse errors the kind of error (its first words): not the
            // names, which would make every input look new.
            let kind: Vec<&str> = match f.rule.name() {
                "parse-error" | "invalid-catalog" => f.message.split(' ').take(3).collect(),
                _ => Vec::new(),
            };
            self.add(format!("{}:{}", f.rule.name(), kind.join(" ")));
        }
    }

    fn finish(&self) -> u64 {
        use std::hash::{Hash as _, Hasher as _};
        let mut h = std::hash::DefaultHasher::new();
        self.0.hash(&mut h);
        h.finish()
    }
}

fn run(data: &[u8], seen: &mut Fingerprint) {
    // A folder that does not exist: a relative custom-catalog path finds nothing on disk.
    let path = Path::new("/nonexistent-teamplan-fuzz/team.toml");
    let source = match teamplan::input::text_source(path, data.to_vec()) {
        Ok(source) => source,
        Err(finding) => {
            assert!(finding.line >= 1 && finding.column >= 1, "{finding:?}");
            seen.add("unreadable");
            render(vec![*finding]);
            return;
        }
    };
    let loaded = STORE
        .with(|store| team::load_source(&source, &mut store.borrow_mut(), LoadOptions::default()));
    match loaded {
        Ok(Loaded::Team(team)) => {
            let resolved = Resolved::new(&team);
            let mut findings = rules::check_team(&resolved);
            findings.extend(rules::check_org(
                &[&team, &team],
                &people_in_several_teams(&[&team, &team]),
            ));
            for f in &findings {
                assert_in_file(f, &source);
            }
            seen.add(format!("team:{}", team.catalog.id));
            let bucket = |n: usize| n.min(8).next_power_of_two();
            seen.add(format!("people:{}", bucket(team.people.len())));
            seen.add(format!("overrides:{}", bucket(team.overrides.len())));
            seen.findings(&findings);
            let levels: HashMap<String, Vec<_>> =
                HashMap::from([(path.display().to_string(), team.levels.clone())]);
            let findings = LevelOverrides::default().apply(findings, &levels);
            render(findings);
            for by in [By::Person, By::Role] {
                let Ok(matrix) = Matrix::new(&resolved, by, &Filter::default()) else {
                    continue;
                };
                let _ = teamplan::render::matrix::table::render(&matrix, Some(80));
                let _ = teamplan::render::matrix::table::render(&matrix, None);
                let _ = teamplan::render::matrix::markdown::render(&matrix);
                let _ = teamplan::render::matrix::csv::render(&matrix);
                let _ = teamplan::render::matrix::json::render(&matrix);
                let _ = teamplan::render::matrix::html::render(&matrix);
            }
        }
        Ok(Loaded::Catalog(_)) => seen.add("catalog"),
        Ok(Loaded::Other) => seen.add("other"),
        Err(findings) => {
            seen.findings(&findings);
            for f in findings
                .iter()
                .filter(|f| f.file == path.display().to_string())
            {
                assert_in_file(f, &source);
            }
            render(findings);
        }
    }
}

/// Every check reporter over the findings.
fn render(findings: Vec<Finding>) {
    let outcome = Outcome {
        findings,
        ..Outcome::default()
    };
    let _ = report::human::render(&outcome, false);
    let _ = report::json::render(&outcome);
    let _ = report::github::render(&outcome);
    let _ = report::markdown::render(&outcome);
    let _ = report::sarif::render(&outcome);
}

/// A finding points at a real line and column of its file, with a span on char boundaries.
fn assert_in_file(f: &Finding, source: &SourceFile) {
    let lines = source.text.split('\n').count();
    assert!(
        f.line >= 1 && f.line <= lines,
        "line {} of {lines}: {f:?}",
        f.line
    );
    let line = source.text.split('\n').nth(f.line - 1).unwrap_or_default();
    assert!(
        f.column >= 1 && f.column <= line.chars().count() + 1,
        "column {} of a {}-char line: {f:?}",
        f.column,
        line.chars().count()
    );
    if let Some(span) = &f.span {
        assert!(
            source.text.get(span.clone()).is_some(),
            "span {span:?}: {f:?}"
        );
    }
}

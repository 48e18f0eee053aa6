//! What a check produced, as every reporter reads it: the teams, the findings with levels
//! applied, notes about skipped files, and the counts.

use serde::Serialize;

use super::pipeline::Analysis;
use crate::diag::finding::Finding;
use crate::diag::rule::Severity;
use crate::team::Team;

/// A team that was checked, as listed in reports (an org, with its units).
#[derive(Debug, Clone, Serialize)]
pub struct TeamSummary {
    pub name: String,
    pub file: String,
    pub catalog: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub units: Option<Vec<UnitSummary>>,
}

/// A unit of an org, as listed in reports.
#[derive(Debug, Clone, Serialize)]
pub struct UnitSummary {
    pub name: String,
    pub file: String,
    /// Its department catalog, if it names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    pub people: usize,
}

/// The counts every format ends with.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    /// Team files: the teams outside orgs, and the units of the orgs.
    pub teams: usize,
    /// Orgs among them (said only when there are some).
    #[serde(skip_serializing_if = "is_zero")]
    pub orgs: usize,
    pub people: usize,
    /// The day checked, when a team has dates or open positions (the summary line says it;
    /// JSON has it as `"at"`).
    #[serde(skip)]
    pub on: Option<jiff::civil::Date>,
}

#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Everything a reporter needs.
#[derive(Debug, Default)]
pub struct Outcome {
    pub teams: Vec<TeamSummary>,
    pub findings: Vec<Finding>,
    /// Files searched but not checked, with the reason (said, never silent).
    pub notes: Vec<String>,
    pub people: usize,
    /// What `--fix` did, when it was asked.
    pub fixes: Option<Vec<super::fix::Record>>,
    /// The day the teams were checked on.
    pub at: Option<jiff::civil::Date>,
    /// Whether a team has dates or open positions (so the day matters).
    pub dated: bool,
}

/// The people of the teams, each person id once (one id in several files is one person).
#[must_use]
pub fn distinct_people(teams: &[Team]) -> usize {
    // Ids are unique within a file (they are table keys); across files they are counted in
    // a foldhash set (100k ids hash in a fraction of SipHash's time).
    match teams {
        [team] => team.people.len(),
        teams => teams
            .iter()
            .flat_map(|t| t.people.iter().map(|p| &*p.id))
            .collect::<foldhash::HashSet<_>>()
            .len(),
    }
}

impl Outcome {
    /// What reporters need from an analysis: its findings (taken out of it) and a summary of
    /// its teams.
    #[must_use]
    pub fn new(mut analysis: Analysis, mut notes: Vec<String>) -> Outcome {
        if analysis.elsewhere > 0 {
            notes.push(format!(
                "{} in other files of the org not shown (only the paths given and the org file are reported); check the org's folder to see every finding",
                crate::diag::words::count(analysis.elsewhere, "finding")
            ));
        }
        let people = distinct_people(&analysis.teams);
        let dated = analysis.teams.iter().any(|t| {
            t.people
                .iter()
                .chain(&t.off)
                .any(|p| p.start().is_some() || p.end().is_some() || p.is_open())
        });
        let teams = analysis
            .teams
            .iter()
            .map(|t| TeamSummary {
                name: t.name.clone(),
                file: t.source.path().display().to_string(),
                catalog: t.catalog.id.clone(),
                units: t.org.as_ref().map(|o| {
                    o.units
                        .iter()
                        .map(|u| UnitSummary {
                            name: u.name.clone(),
                            file: u.source.path().display().to_string(),
                            department: u.department.as_ref().map(|d| d.id.clone()),
                            people: u.people.len(),
                        })
                        .collect()
                }),
            })
            .collect();
        let findings = std::mem::take(&mut analysis.findings);
        // The process ends soon after the report is out: freeing every person of a big org
        // one allocation at a time would only delay that (about a tenth of a 100k-person
        // check), so the teams are left to the end of the process.
        std::mem::forget(analysis);
        Outcome {
            teams,
            findings,
            notes,
            people,
            fixes: None,
            at: None,
            dated,
        }
    }

    #[must_use]
    pub fn summary(&self) -> Summary {
        let errors = self
            .findings
            .iter()
            .filter(|f| f.level == Severity::Error)
            .count();
        Summary {
            errors,
            warnings: self.findings.len() - errors,
            teams: self
                .teams
                .iter()
                .map(|t| t.units.as_ref().map_or(1, Vec::len))
                .sum(),
            orgs: self.teams.iter().filter(|t| t.units.is_some()).count(),
            people: self.people,
            on: self.at.filter(|_| self.dated),
        }
    }

    /// Whether some input could not be read at all (exit code 2).
    #[must_use]
    pub fn unreadable(&self) -> bool {
        self.findings.iter().any(|f| f.rule.is_unreadable())
    }

    /// 2 when input was unreadable, 1 on errors (or warnings under `--strict`), else 0.
    #[must_use]
    pub fn exit_code(&self, strict: bool) -> u8 {
        let summary = self.summary();
        if self.unreadable() {
            2
        } else {
            u8::from(summary.errors > 0 || (strict && summary.warnings > 0))
        }
    }
}

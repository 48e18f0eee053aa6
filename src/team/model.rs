//! The team as the resolver reads it: people, their roles and the RACI overrides, each
//! with the place in the file it was written.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;
use toml::Spanned;

use super::file::Engagement;
use crate::catalog::Catalog;
use crate::diag::rule::{LintLevel, Rule};
use crate::diag::source::SourceFile;

/// A name written in the file, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub name: compact_str::CompactString,
    pub span: Range<usize>,
}

impl From<Spanned<String>> for Ref {
    fn from(s: Spanned<String>) -> Self {
        Self {
            span: s.span(),
            name: s.into_inner().into(),
        }
    }
}

/// A person of a team. A big org keeps every person until its rules have run, so text is
/// kept small: ids and names (nearly always short) inline in a `CompactString`, the email
/// a `Box<str>` with no spare capacity.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: compact_str::CompactString,
    /// The `[people.ID]` key.
    pub span: Range<usize>,
    pub name: compact_str::CompactString,
    pub email: Option<Box<str>>,
    /// A boxed slice: one word less than a list per person, in an org of 100k people.
    pub roles: Box<[Ref]>,
    /// The `roles = [...]` array, or the person's key when it has none.
    pub roles_span: Range<usize>,
    pub fte: f64,
    pub engagement: Engagement,
    /// The roles this person leads (each should be one of their `roles`).
    pub leads: Box<[Ref]>,
    /// Dates, an open position, a cost: None for the many people with none of them.
    pub plan: Option<Box<Planned>>,
}

/// What a plan says of a person beyond their roles.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Planned {
    /// The first and last day they work for the team (inclusive).
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// A position to hire (`status = "open"`): it holds no role.
    pub open: bool,
    /// The leaver an open position replaces.
    pub backfills: Option<Ref>,
    /// Per year, at their fte, in the team's currency.
    pub cost: Option<f64>,
}

impl Person {
    /// The first day they work for the team, if the file says.
    #[must_use]
    pub fn start(&self) -> Option<Date> {
        self.plan.as_ref().and_then(|p| p.start)
    }

    #[must_use]
    pub fn end(&self) -> Option<Date> {
        self.plan.as_ref().and_then(|p| p.end)
    }

    /// Whether this is a position to hire rather than a person.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.plan.as_ref().is_some_and(|p| p.open)
    }

    #[must_use]
    pub fn cost(&self) -> Option<f64> {
        self.plan.as_ref().and_then(|p| p.cost)
    }

    /// Whether their dates include `day` (no dates: always).
    #[must_use]
    pub fn present_on(&self, day: Date) -> bool {
        self.start().is_none_or(|s| s <= day) && self.end().is_none_or(|e| day <= e)
    }

    /// Whether they hold their roles on `day` (None: the day is not known, dates aside): a
    /// person (not an open position) present on it.
    #[must_use]
    pub fn holds_on(&self, day: Option<Date>) -> bool {
        !self.is_open() && day.is_none_or(|d| self.present_on(d))
    }
}

/// A `[raci.ACTIVITY]` table replacing an activity's assignments.
#[derive(Debug, Clone)]
pub struct RaciOverride {
    pub activity: Ref,
    /// Each letter the override names (None: the catalog's stays).
    pub accountable: Option<Ref>,
    pub responsible: Option<Vec<Ref>>,
    pub consulted: Option<Vec<Ref>>,
    pub informed: Option<Vec<Ref>>,
}

/// A team file that parsed and has the right shape. Its references are not yet checked;
/// that is the resolver's and the rules' work.
#[derive(Debug, Clone)]
pub struct Team {
    pub source: Arc<SourceFile>,
    pub name: String,
    /// The `[team]` table: where a missing role is reported.
    pub span: Range<usize>,
    pub catalog: Arc<Catalog>,
    /// The custom catalog file it names, if any (an input too: never written over).
    pub catalog_file: Option<PathBuf>,
    pub description: Option<String>,
    /// Boxed: an org is made of its units by moving a pointer per person, and the units'
    /// lists it leaves behind are small (a list of people would be copied and its units'
    /// lists, freed on the threads that loaded them, would stay in the process's memory).
    pub people: Vec<Box<Person>>,
    /// Who holds nothing on the day checked: open positions, and people who have not
    /// started yet or have left. Plans, diffs and reports show them; the rules do not.
    pub off: Vec<Box<Person>>,
    /// With [`LoadOptions::roster`](super::LoadOptions): every `[people.*]` entry as
    /// written, in file order (of an org, unit by unit; see [`Unit::roster`]).
    pub roster: Vec<Box<Person>>,
    /// The day it was loaded for (None: dates were not looked at).
    pub at: Option<Date>,
    /// The currency of the people's `cost` (of an org, the org's).
    pub currency: Option<Spanned<String>>,
    pub overrides: Vec<RaciOverride>,
    /// Rule levels set by the file's `[rules]` table.
    pub levels: Vec<(Rule, LintLevel)>,
    /// A unit's department catalog: the catalog its `[team]` names when that is not its
    /// org's (its coverage is checked inside the unit).
    pub department: Option<Arc<Catalog>>,
    /// Set when this is an org: the file with the `[org]` table, and then its units.
    pub org: Option<Org>,
}

/// What an org adds to a team: its units. An org's people, overrides and spans are those
/// of its units, each unit's spans shifted by the unit's `base`, so that one span names a
/// place in one of several files (see [`Team::locate`]).
#[derive(Debug, Clone, Default)]
pub struct Org {
    pub units: Vec<Unit>,
}

/// A unit of an org: one team file in the org's folder.
#[derive(Debug, Clone)]
pub struct Unit {
    pub name: String,
    pub source: Arc<SourceFile>,
    /// The unit's `[team]` table, in its own file.
    pub span: Range<usize>,
    pub description: Option<String>,
    /// Where the unit's file starts among the org's spans.
    pub base: usize,
    pub department: Option<Arc<Catalog>>,
    /// The unit's `[rules]`: they win over the org's for findings in the unit's file.
    pub levels: Vec<(Rule, LintLevel)>,
    /// The people of the unit, by person index in the org.
    pub people: Vec<usize>,
    /// The unit's people in the org's `off`, by index there.
    pub off: Range<usize>,
    /// The unit's entries in the org's `roster`.
    pub roster: Range<usize>,
    /// The currency the unit's `[team]` names, if any (it should be the org's).
    pub currency: Option<Spanned<String>>,
}

/// A place in one file of a team (of an org's files, the one a span falls in).
#[derive(Debug, Clone)]
pub struct Located<'t> {
    pub source: &'t Arc<SourceFile>,
    pub span: Range<usize>,
    /// The unit whose file it is (None: the team's own file, or the org file).
    pub unit: Option<&'t Unit>,
}

impl Team {
    /// The file and local place a span of this team is in.
    #[must_use]
    pub fn locate(&self, span: Range<usize>) -> Located<'_> {
        let unit = self.org.as_ref().and_then(|org| {
            let after = org.units.partition_point(|u| u.base <= span.start);
            after.checked_sub(1).map(|i| &org.units[i])
        });
        match unit {
            Some(u) => Located {
                source: &u.source,
                span: span.start - u.base..span.end - u.base,
                unit: Some(u),
            },
            None => Located {
                source: &self.source,
                span,
                unit: None,
            },
        }
    }

    /// Whether this is an org (its people are its units').
    #[must_use]
    pub fn is_org(&self) -> bool {
        self.org.is_some()
    }

    /// For each person, the names of the org's units they are in (none outside an org), in
    /// one pass over the units.
    #[must_use]
    pub fn units_by_person(&self) -> Vec<Vec<&str>> {
        let mut units = vec![Vec::new(); self.people.len()];
        for unit in self.org.iter().flat_map(|o| &o.units) {
            for &p in &unit.people {
                if let Some(list) = units.get_mut(p) {
                    list.push(unit.name.as_str());
                }
            }
        }
        units
    }

    /// Drop the role lists and RACI overrides, keeping who is in the team at what fte: what
    /// the cross-team rules need once the team's own rules have run.
    pub fn drop_assignments(&mut self) {
        for person in &mut self.people {
            person.roles = Box::default();
            person.leads = Box::default();
        }
        self.overrides = Vec::new();
    }
}

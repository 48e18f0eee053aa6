//! A plan's entries: every `[people.*]` entry of the teams, with the roles it holds and the
//! days it counts, a backfill and its leaver never both on one day.

use jiff::civil::Date;

use crate::catalog::RoleIdx;
use crate::team::{Person, Team};

/// One `[people.*]` entry of a team (a person in two units is two entries).
#[derive(Debug, Clone)]
pub struct Entry<'t> {
    pub person: &'t Person,
    /// The team in [`Plan::teams`] (of an org, the org).
    pub team: usize,
    /// The unit of the org, or None for a team file of its own.
    pub unit: Option<&'t str>,
    /// The catalog roles it holds, each once (names that are no role are left out).
    pub roles: Vec<RoleIdx>,
    /// The first and last day it counts: its own dates, with a backfill starting after its
    /// leaver's last day.
    pub start: Option<Date>,
    pub end: Option<Date>,
}

impl Entry<'_> {
    /// Whether it counts on `day`.
    #[must_use]
    pub fn on(&self, day: Date) -> bool {
        self.start.is_none_or(|s| s <= day) && self.end.is_none_or(|e| day <= e)
    }

    /// Where it is: the unit, else the team.
    #[must_use]
    pub fn place<'p>(&'p self, plan: &'p Plan<'_>) -> &'p str {
        self.unit.unwrap_or(&plan.teams[self.team].name)
    }
}

/// The teams of one plan and their entries.
#[derive(Debug)]
pub struct Plan<'t> {
    pub teams: Vec<&'t Team>,
    pub entries: Vec<Entry<'t>>,
    /// The one currency of every `cost` (None: no file names one).
    pub currency: Option<String>,
    /// What the plan had to decide, in words (a backfill counted from later than its start).
    pub notes: Vec<String>,
}

impl<'t> Plan<'t> {
    /// The plan of teams loaded with their roster.
    ///
    /// # Errors
    /// Files that name different currencies: costs in them cannot be added up.
    pub fn of(teams: &'t [Team]) -> Result<Self, String> {
        let currency = one_currency(teams)?;
        let mut entries = Vec::new();
        let mut notes = Vec::new();
        for (t, team) in teams.iter().enumerate() {
            let first = entries.len();
            let units: Vec<(Option<&str>, &[Box<Person>])> = match &team.org {
                Some(org) => org
                    .units
                    .iter()
                    .map(|u| (Some(u.name.as_str()), &team.roster[u.roster.clone()]))
                    .collect(),
                None => vec![(None, team.roster.as_slice())],
            };
            for (unit, people) in units {
                for person in people {
                    let mut roles: Vec<RoleIdx> = person
                        .roles
                        .iter()
                        .filter_map(|r| team.catalog.role(&r.name))
                        .collect();
                    roles.sort_unstable();
                    roles.dedup();
                    entries.push(Entry {
                        person,
                        team: t,
                        unit,
                        roles,
                        start: person.start(),
                        end: person.end(),
                    });
                }
            }
            settle_backfills(&mut entries[first..], &mut notes);
        }
        Ok(Plan {
            teams: teams.iter().collect(),
            entries,
            currency,
            notes,
        })
    }
}

/// A backfill counts from the day after its leaver's last; a leaver with no end leaves the
/// day before their backfill starts. Each backfill moved later is said in a note.
fn settle_backfills(entries: &mut [Entry<'_>], notes: &mut Vec<String>) {
    let backfills = |e: &Entry<'_>| {
        e.person
            .plan
            .as_ref()
            .is_some_and(|p| p.backfills.is_some())
    };
    if !entries.iter().any(backfills) {
        return;
    }
    let mut by_id: foldhash::HashMap<&str, Vec<usize>> = foldhash::HashMap::default();
    for (i, e) in entries.iter().enumerate() {
        if !e.person.is_open() {
            by_id.entry(&e.person.id).or_default().push(i);
        }
    }
    for b in 0..entries.len() {
        let Some(leaver) = entries[b]
            .person
            .plan
            .as_ref()
            .and_then(|p| p.backfills.as_ref())
        else {
            continue;
        };
        let Some(leavers) = by_id.get(leaver.name.as_str()) else {
            continue;
        };
        // The one entry it replaces: of the leaver's entries that began before it (the same
        // person may carry on elsewhere, as one who moves between units does), the one in
        // its own unit, else one that ends, else the one that began last.
        let began_before = |l: usize| match (entries[l].start, entries[b].start) {
            (Some(s), Some(start)) => s < start,
            _ => l != b,
        };
        let Some(l) = leavers
            .iter()
            .copied()
            .filter(|&l| l != b && began_before(l))
            .max_by_key(|&l| {
                (
                    entries[l].unit == entries[b].unit,
                    entries[l].end.is_some(),
                    entries[l].start,
                    l,
                )
            })
        else {
            continue;
        };
        match (entries[l].end, entries[b].start) {
            (None, Some(start)) => entries[l].end = start.yesterday().ok(),
            (Some(end), Some(start)) if end >= start => {
                if let Ok(next) = end.tomorrow() {
                    entries[b].start = Some(next);
                } else {
                    // The leaver stays to the end of the calendar: the backfill never counts.
                    entries[b].start = Some(end);
                    entries[b].end = end.yesterday().ok();
                }
                notes.push(format!(
                    "`{}` backfills `{}`, who stays until {end}: it counts from the day after, not from its start ({start}); move `{}`'s `end` if they leave sooner.",
                    entries[b].person.id, leaver.name, leaver.name
                ));
            }
            _ => {}
        }
    }
}

/// The currency every file names, if any; two different ones are an error.
fn one_currency(teams: &[Team]) -> Result<Option<String>, String> {
    let mut seen: Option<(String, String)> = None;
    let named = teams.iter().flat_map(|t| {
        let own = t
            .currency
            .as_ref()
            .map(|c| (c.get_ref().clone(), t.source.path().display().to_string()));
        let units = t.org.iter().flat_map(|o| &o.units).filter_map(|u| {
            u.currency
                .as_ref()
                .map(|c| (c.get_ref().clone(), u.source.path().display().to_string()))
        });
        own.into_iter().chain(units)
    });
    for (code, file) in named {
        match &seen {
            None => seen = Some((code, file)),
            Some((first, first_file)) if *first != code => {
                return Err(format!(
                    "one plan has one currency, but {first_file} names {first} and {file} names {code}: convert the costs of one of them"
                ));
            }
            Some(_) => {}
        }
    }
    Ok(seen.map(|(code, _)| code))
}

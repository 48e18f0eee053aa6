//! The resolved RACI matrix of a team: who holds which role, and each person's letters for
//! each activity. Every rule and every renderer reads this one resolution.

use std::collections::HashMap;

use super::chains::up_chains;
use super::letters::{LetterRow, Letters};
use super::person_roles::PersonRoles;
use crate::catalog::{ActivityIdx, RoleIdx};
use crate::team::{Ref, Team};

/// One activity of the matrix.
#[derive(Debug, Clone)]
pub struct Row {
    pub activity: ActivityIdx,
    /// The `[raci.X]` override that replaced the catalog's assignment, if any.
    pub override_idx: Option<usize>,
    /// Letters by person index.
    pub by_person: LetterRow,
    /// Letters by role index.
    pub by_role: LetterRow,
}

impl Row {
    /// People with the given letter.
    pub fn people_with(&self, letter: Letters) -> impl Iterator<Item = usize> + '_ {
        self.by_person
            .iter()
            .enumerate()
            .filter(move |(_, l)| l.has(letter))
            .map(|(i, _)| i)
    }
}

/// A reference in an override that names neither a person nor a role.
#[derive(Debug, Clone)]
pub struct UnknownRef {
    pub override_idx: usize,
    /// The letter the reference would have given.
    pub letter: Letters,
    pub reference: Ref,
}

/// A `leads` entry that does not hold: a role the person does not hold (or no role at
/// all), or one someone else already leads.
#[derive(Debug, Clone)]
pub struct LeadProblem {
    pub person: usize,
    pub reference: Ref,
    /// The person who leads the role already; None when the person does not hold it.
    pub led_by: Option<usize>,
}

/// The team after every reference is looked up.
#[derive(Debug)]
pub struct Resolved<'t> {
    pub team: &'t Team,
    /// Role index → the people holding it.
    pub holders: Vec<Vec<usize>>,
    /// Role index → the role whose holders carry its work: itself when held, else the
    /// nearest held role up its `reports-to` chain (None: nobody carries it).
    pub carrier: Vec<Option<RoleIdx>>,
    /// For each role, the nearest required role up its `reports-to` chain (itself when it
    /// is required), else the chain's last role.
    chain_end: Vec<Option<RoleIdx>>,
    /// Person index → the catalog roles they hold (known, without repeats).
    pub person_roles: PersonRoles,
    /// Role index → the person who leads it (the one accountable when several hold it).
    pub leads: Vec<Option<usize>>,
    /// `leads` entries that do not hold.
    pub lead_problems: Vec<LeadProblem>,
    /// Role references of people that match no role: (person index, reference).
    pub unknown_roles: Vec<(usize, Ref)>,
    /// Team names (`it-team`) people list among their roles: (person index, reference).
    pub team_names: Vec<(usize, Ref)>,
    /// Override tables whose activity is not in the catalog (by override index).
    pub unknown_activities: Vec<usize>,
    /// References in overrides that match no person and no role.
    pub unknown_refs: Vec<UnknownRef>,
    /// One row per catalog activity, in catalog order.
    pub rows: Vec<Row>,
}

impl<'t> Resolved<'t> {
    /// Resolve a team against its catalog.
    #[must_use]
    pub fn new(team: &'t Team) -> Self {
        let catalog = &team.catalog;
        let mut holders = vec![Vec::new(); catalog.roles.len()];
        let mut person_roles = PersonRoles::with_capacity(team.people.len());
        let mut unknown_roles = Vec::new();
        let mut team_names = Vec::new();
        for (p, person) in team.people.iter().enumerate() {
            person_roles.open();
            for r in &person.roles {
                // A team name counts as its role when it has one; either way it is said.
                let team = catalog.team_name(&r.name);
                if team.is_some() {
                    team_names.push((p, r.clone()));
                }
                let single = team.and_then(|t| match t.roles.as_slice() {
                    [one] => Some(*one),
                    _ => None,
                });
                match catalog.role(&r.name).or(single) {
                    Some(idx) if !person_roles.last().contains(&idx) => {
                        person_roles.push(idx);
                        holders[idx].push(p);
                    }
                    Some(_) => {}
                    None if team.is_some() => {}
                    None => unknown_roles.push((p, r.clone())),
                }
            }
        }

        let (leads, lead_problems) = leads_of(team, &person_roles);
        let carrier = up_chains(catalog, |role| !holders[role].is_empty());
        // Where a gap shows: the nearest required role up the chain (missing-role names it),
        // or the chain's last role.
        let chain_end = up_chains(catalog, |role| {
            catalog.roles[role].requirement == crate::catalog::Requirement::Required
                || catalog.roles[role].reports_to.is_none()
        });
        let carried_by = |role: RoleIdx| carrier[role].map_or(&[][..], |c| holders[c].as_slice());
        // A role held by several people is answered for by its lead alone.
        let lead_of: Vec<[usize; 1]> = leads.iter().map(|l| [l.unwrap_or(0)]).collect();
        let answered_by = |role: RoleIdx| match carrier[role] {
            Some(c) if holders[c].len() > 1 && leads[c].is_some() => &lead_of[c][..],
            _ => carried_by(role),
        };

        // The people the overrides name, found in one pass over the people: a map of the
        // few names written, not of every person of a 100k-person org.
        let person_index = named_people(team);

        let mut overrides_by_activity: HashMap<ActivityIdx, usize> = HashMap::new();
        let mut unknown_activities = Vec::new();
        for (o, ov) in team.overrides.iter().enumerate() {
            match catalog.activity(&ov.activity.name) {
                Some(a) => {
                    overrides_by_activity.insert(a, o);
                }
                None => unknown_activities.push(o),
            }
        }

        let mut unknown_refs = Vec::new();
        let people_count = team.people.len();
        let role_count = catalog.roles.len();
        let rows = catalog
            .activities
            .iter()
            .enumerate()
            .map(|(a, activity)| {
                let mut by_person = LetterRow::new(people_count);
                let mut by_role = LetterRow::new(role_count);
                let override_idx = overrides_by_activity.get(&a).copied();
                let raci = &activity.raci;
                let catalog_groups = [
                    (Letters::A, std::slice::from_ref(&raci.accountable)),
                    (Letters::R, raci.responsible.as_slice()),
                    (Letters::C, raci.consulted.as_slice()),
                    (Letters::I, raci.informed.as_slice()),
                ];
                // An override replaces only the letters it names; the others stay the
                // catalog's.
                let named = override_idx.map(|o| (o, by_letter(&team.overrides[o])));
                for (i, (letter, roles)) in catalog_groups.into_iter().enumerate() {
                    let people_of = |role| {
                        if letter == Letters::A {
                            answered_by(role)
                        } else {
                            carried_by(role)
                        }
                    };
                    let Some((o, Some(refs))) = named.as_ref().map(|(o, n)| (*o, n[i].1)) else {
                        for &role in roles {
                            by_role.add(role, letter);
                            for &p in people_of(role) {
                                by_person.add(p, letter);
                            }
                        }
                        continue;
                    };
                    for r in refs {
                        if let Some(&p) = person_index.get(r.name.as_str()) {
                            by_person.add(p, letter);
                            for &role in &person_roles[p] {
                                by_role.add(role, letter);
                            }
                        } else if let Some(role) = catalog.role(&r.name) {
                            by_role.add(role, letter);
                            for &p in people_of(role) {
                                by_person.add(p, letter);
                            }
                        } else {
                            unknown_refs.push(UnknownRef {
                                override_idx: o,
                                letter,
                                reference: r.clone(),
                            });
                        }
                    }
                }
                Row {
                    activity: a,
                    override_idx,
                    by_person,
                    by_role,
                }
            })
            .collect();
        // A row for an activity the catalog lacks is not resolved, but a misspelt name in it
        // is said in the same run.
        for &o in &unknown_activities {
            for (letter, refs) in by_letter(&team.overrides[o]) {
                let refs = refs.unwrap_or_default();
                let unknown = |r: &&Ref| {
                    !person_index.contains_key(r.name.as_str()) && catalog.role(&r.name).is_none()
                };
                unknown_refs.extend(refs.iter().filter(unknown).map(|r| UnknownRef {
                    override_idx: o,
                    letter,
                    reference: r.clone(),
                }));
            }
        }

        Self {
            team,
            holders,
            carrier,
            chain_end,
            person_roles,
            leads,
            lead_problems,
            unknown_roles,
            team_names,
            unknown_activities,
            unknown_refs,
            rows,
        }
    }

    /// For a role whose work nobody carries, the role its `reports-to` chain ends at (itself
    /// when it has none): the role whose absence leaves the gap. None when someone carries it.
    #[must_use]
    pub fn gap_at(&self, role: RoleIdx) -> Option<RoleIdx> {
        if self.carrier[role].is_some() {
            return None;
        }
        Some(self.chain_end[role].unwrap_or(role))
    }

    /// How many activities each person is accountable or responsible for, by person index.
    #[must_use]
    pub fn ra_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.team.people.len()];
        for row in &self.rows {
            for (count, letters) in counts.iter_mut().zip(row.by_person.iter()) {
                *count += usize::from(letters.is_ra());
            }
        }
        counts
    }

    /// Each person's A/R count against what their fte allows, by person index.
    #[must_use]
    pub fn loads(&self) -> Vec<Load> {
        let per_fte = self.team.catalog.limits.ra_per_fte;
        self.ra_counts()
            .into_iter()
            .zip(&self.team.people)
            .map(|(ra, person)| Load {
                ra,
                allowed: per_fte * person.fte,
            })
            .collect()
    }
}

/// How many activities a person is accountable or responsible for, and how many their fte
/// allows under the catalog's `ra-per-fte`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Load {
    pub ra: usize,
    pub allowed: f64,
}

impl Load {
    /// More work than the fte allows (the `overloaded` rule).
    #[must_use]
    pub fn is_over(self) -> bool {
        #[allow(clippy::cast_precision_loss)]
        let ra = self.ra as f64;
        ra > self.allowed + 1e-9
    }
}

/// Each name written in an override (activity keys aside) that is a person id, with the
/// person's index.
fn named_people(team: &Team) -> foldhash::HashMap<&str, usize> {
    let mut named: foldhash::HashMap<&str, Option<usize>> = foldhash::HashMap::default();
    for ov in &team.overrides {
        for (_, refs) in by_letter(ov) {
            for r in refs.unwrap_or_default() {
                named.insert(r.name.as_str(), None);
            }
        }
    }
    if !named.is_empty() {
        for (i, p) in team.people.iter().enumerate() {
            if let Some(at @ None) = named.get_mut(&*p.id) {
                *at = Some(i);
            }
        }
    }
    named
        .into_iter()
        .filter_map(|(name, at)| at.map(|i| (name, i)))
        .collect()
}

/// An override's names, by the letter they are given; None for a letter it does not name.
fn by_letter(ov: &crate::team::RaciOverride) -> [(Letters, Option<&[Ref]>); 4] {
    [
        (
            Letters::A,
            ov.accountable.as_ref().map(std::slice::from_ref),
        ),
        (Letters::R, ov.responsible.as_deref()),
        (Letters::C, ov.consulted.as_deref()),
        (Letters::I, ov.informed.as_deref()),
    ]
}

/// Who leads each role, and the `leads` entries that do not hold: a role the person does not
/// hold, or one an earlier person leads already (one lead per role).
fn leads_of(team: &Team, person_roles: &PersonRoles) -> (Vec<Option<usize>>, Vec<LeadProblem>) {
    let catalog = &team.catalog;
    let mut leads = vec![None; catalog.roles.len()];
    let mut problems = Vec::new();
    for (p, person) in team.people.iter().enumerate() {
        for r in &person.leads {
            // A team name standing for one role leads that role, as in `roles`.
            let single = catalog
                .team_name(&r.name)
                .and_then(|t| match t.roles.as_slice() {
                    [one] => Some(*one),
                    _ => None,
                });
            let held = catalog
                .role(&r.name)
                .or(single)
                .filter(|role| person_roles[p].contains(role));
            let led_by = match held {
                None => None,
                Some(role) => match leads[role] {
                    None => {
                        leads[role] = Some(p);
                        continue;
                    }
                    Some(q) if q == p => continue,
                    Some(q) => Some(q),
                },
            };
            problems.push(LeadProblem {
                person: p,
                reference: r.clone(),
                led_by,
            });
        }
    }
    (leads, problems)
}

//! An org and its units made one team: the people of every unit (a person id in several
//! units is one person), every unit's overrides, each span shifted into the org's spans.

use std::ops::Range;

use super::model::{Person, Planned, RaciOverride, Ref, Team, Unit};

impl Team {
    /// This org with `units` as its units. A person in several units holds the roles of
    /// each, at the sum of their fte (at most 1: `over-allocated` says when it is more).
    #[must_use]
    pub fn with_units(mut self, units: Vec<Team>) -> Self {
        let mut org = self.org.take().unwrap_or_default();
        let mut base = self.source.len() + 1;
        // Every unit's people moved once into the org's list (sized once), then the ones
        // seen before folded into their first place.
        self.people
            .reserve_exact(units.iter().map(|u| u.people.len()).sum());
        let mut ranges = Vec::with_capacity(units.len());
        for unit in units {
            let shift = |r: &mut Range<usize>| *r = r.start + base..r.end + base;
            let shift_ref = |mut r: Ref| {
                shift(&mut r.span);
                r
            };
            let first = self.people.len();
            for mut person in unit.people {
                shift(&mut person.span);
                shift(&mut person.roles_span);
                person.roles.iter_mut().for_each(|r| shift(&mut r.span));
                person.leads.iter_mut().for_each(|r| shift(&mut r.span));
                self.people.push(person);
            }
            ranges.push(first..self.people.len());
            let roster_first = self.roster.len();
            self.roster.extend(unit.roster);
            let off_first = self.off.len();
            for mut person in unit.off {
                shift(&mut person.span);
                shift(&mut person.roles_span);
                person.roles.iter_mut().for_each(|r| shift(&mut r.span));
                person.leads.iter_mut().for_each(|r| shift(&mut r.span));
                if let Some(b) = person.plan.as_mut().and_then(|p| p.backfills.as_mut()) {
                    shift(&mut b.span);
                }
                self.off.push(person);
            }
            let shift_all = |v: Option<Vec<Ref>>| v.map(|v| v.into_iter().map(shift_ref).collect());
            for o in unit.overrides {
                self.overrides.push(RaciOverride {
                    activity: shift_ref(o.activity),
                    accountable: o.accountable.map(shift_ref),
                    responsible: shift_all(o.responsible),
                    consulted: shift_all(o.consulted),
                    informed: shift_all(o.informed),
                });
            }
            let next = base + unit.source.len() + 1;
            org.units.push(Unit {
                name: unit.name,
                source: unit.source,
                span: unit.span,
                description: unit.description,
                base,
                department: unit.department,
                levels: unit.levels,
                people: Vec::new(),
                off: off_first..self.off.len(),
                roster: roster_first..self.roster.len(),
                currency: unit.currency,
            });
            base = next;
        }
        let place = fold_repeats(&mut self.people);
        for (unit, range) in org.units.iter_mut().zip(ranges) {
            unit.people = range.map(|i| place[i]).collect();
        }
        self.org = Some(org);
        self
    }
}

/// Fold each person whose id came earlier into that first place (their roles and leads
/// added, their fte summed up to 1, the first email any unit gives) and remove them; returns where each former index is now.
#[allow(
    clippy::vec_box,
    reason = "a team's people are boxed (see `Team::people`)"
)]
fn fold_repeats(people: &mut Vec<Box<Person>>) -> Vec<usize> {
    // The first index of each id; the map borrows the ids, so it is gone before any change.
    let first: Vec<usize> = {
        let mut seen: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
        seen.reserve(people.len());
        people
            .iter()
            .enumerate()
            .map(|(i, p)| *seen.entry(&*p.id).or_insert(i))
            .collect()
    };
    if first.iter().enumerate().all(|(i, &f)| f == i) {
        return first;
    }
    for (i, &f) in first.iter().enumerate().filter(|(i, f)| *i != **f) {
        let roles = std::mem::take(&mut people[i].roles);
        let leads = std::mem::take(&mut people[i].leads);
        let email = people[i].email.take();
        let plan = people[i].plan.take();
        let (fte, roles_span) = (people[i].fte, people[i].roles_span.clone());
        let same = &mut people[f];
        // An email given in one unit only is theirs in the whole org.
        if same.email.is_none() {
            same.email = email;
        }
        if same.roles.is_empty() {
            same.roles_span = roles_span;
        }
        same.roles = [std::mem::take(&mut same.roles), roles].concat().into();
        same.leads = [std::mem::take(&mut same.leads), leads].concat().into();
        same.fte = (same.fte + fte).min(1.0);
        same.plan = fold_plans(same.plan.take(), plan);
    }
    let mut place = Vec::with_capacity(first.len());
    let mut kept = 0;
    for (i, &f) in first.iter().enumerate() {
        // A repeat comes after its first place, which has its new index already.
        let at = if f == i {
            kept += 1;
            kept - 1
        } else {
            place[f]
        };
        place.push(at);
    }
    let mut i = 0;
    people.retain(|_| {
        i += 1;
        first[i - 1] == i - 1
    });
    place
}

/// One person's plan over the units they are in on the day checked: their costs added,
/// from their first start to their last end.
fn fold_plans(a: Option<Box<Planned>>, b: Option<Box<Planned>>) -> Option<Box<Planned>> {
    let (mut a, b) = match (a, b) {
        (None, None) => return None,
        (Some(p), None) | (None, Some(p)) => {
            // The unit without a plan has no dates (always there) and no cost known.
            return Some(Box::new(Planned {
                start: None,
                end: None,
                ..*p
            }));
        }
        (Some(a), Some(b)) => (a, b),
    };
    a.cost = match (a.cost, b.cost) {
        (Some(x), Some(y)) => Some(x + y),
        (x, y) => x.or(y),
    };
    a.start = a.start.zip(b.start).map(|(x, y)| x.min(y));
    a.end = a.end.zip(b.end).map(|(x, y)| x.max(y));
    Some(a)
}

#[cfg(test)]
mod tests {
    use super::fold_repeats;
    use crate::team::file::Engagement;
    use crate::team::model::{Person, Ref};

    fn person(id: &str, role: &str, fte: f64) -> Box<Person> {
        Box::new(Person {
            id: id.into(),
            span: 0..0,
            name: id.into(),
            email: None,
            roles: vec![Ref {
                name: role.into(),
                span: 0..0,
            }]
            .into(),
            roles_span: 0..0,
            fte,
            engagement: Engagement::Employee,
            leads: Box::default(),
            plan: None,
        })
    }

    #[test]
    fn a_repeated_id_is_one_person_with_every_role_at_the_summed_fte() {
        let mut people = vec![
            person("ana", "marketing-manager", 0.5),
            person("bo", "developer", 1.0),
            person("ana", "content-creator", 0.75),
            person("cy", "developer", 1.0),
            person("bo", "qa-engineer", 0.5),
        ];
        let place = fold_repeats(&mut people);
        assert_eq!(place, [0, 1, 0, 2, 1]);
        let ids: Vec<&str> = people.iter().map(|p| &*p.id).collect();
        assert_eq!(ids, ["ana", "bo", "cy"]);
        let roles: Vec<&str> = people[0].roles.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(roles, ["marketing-manager", "content-creator"]);
        assert!(
            (people[0].fte - 1.0).abs() < 1e-9,
            "capped at 1: {}",
            people[0].fte
        );
        assert!((people[1].fte - 1.0).abs() < 1e-9);
    }

    #[test]
    fn distinct_ids_stay_where_they_are() {
        let mut people = vec![person("a", "x", 1.0), person("b", "y", 1.0)];
        assert_eq!(fold_repeats(&mut people), [0, 1]);
        assert_eq!(people.len(), 2);
    }
}

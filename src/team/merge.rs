//! An org and its units made one team: the people of every unit (a person id in several
//! units is one person), every unit's overrides, each span shifted into the org's spans.

use std::ops::Range;

use super::model::{Person, RaciOverride, Ref, Team, Unit};

impl Team {
    /// This org with `units` as its units. A person in several units holds the roles of
    /// each, at the sum of their fte (at most 1: `over-allocated` says when it is more).
    #[must_use]
    pub fn with_units(mut self, units: Vec<Team>) -> Self {
        let mut org = self.org.take().unwrap_or_default();
        let mut base = self.source.text.len() + 1;
        let mut index: foldhash::HashMap<Box<str>, usize> = foldhash::HashMap::default();
        for unit in units {
            let shift = |r: &Range<usize>| r.start + base..r.end + base;
            let shift_ref = |r: Ref| Ref {
                span: shift(&r.span),
                name: r.name,
            };
            let mut members = Vec::with_capacity(unit.people.len());
            for person in unit.people {
                let person = Person {
                    span: shift(&person.span),
                    roles_span: shift(&person.roles_span),
                    roles: person.roles.into_iter().map(shift_ref).collect(),
                    leads: person.leads.into_iter().map(shift_ref).collect(),
                    ..person
                };
                if let Some(&i) = index.get(&person.id) {
                    let same = &mut self.people[i];
                    if same.roles.is_empty() {
                        same.roles_span = person.roles_span;
                    }
                    same.roles.extend(person.roles);
                    same.leads.extend(person.leads);
                    same.fte = (same.fte + person.fte).min(1.0);
                    members.push(i);
                } else {
                    index.insert(person.id.clone(), self.people.len());
                    members.push(self.people.len());
                    self.people.push(person);
                }
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
            let next = base + unit.source.text.len() + 1;
            org.units.push(Unit {
                name: unit.name,
                source: unit.source,
                span: unit.span,
                base,
                department: unit.department,
                levels: unit.levels,
                people: members,
            });
            base = next;
        }
        self.org = Some(org);
        self
    }
}

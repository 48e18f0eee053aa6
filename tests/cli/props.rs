//! Property tests of the loader, resolver and rules, through the library.
//!
//! Random valid teams are built from the real built-in catalogs, written out as TOML, loaded
//! back and resolved: what comes back is what went in, the resolved matrix has the shape and
//! the invariants every rule and renderer assumes, and the rules never panic or point
//! outside the file. Arbitrary bytes never panic the loader. The seed is fixed so a run is
//! repeatable; a failure prints the shrunk input to reproduce it.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use teamplan::analysis::index::people_in_several_teams;
use teamplan::catalog::{Catalog, CatalogStore};
use teamplan::diag::Finding;
use teamplan::diag::Rule;
use teamplan::diag::SourceFile;
use teamplan::resolve::{Letters, Resolved};
use teamplan::rules;
use teamplan::team::{self, LoadOptions, Loaded, Team};

const CATALOGS: [&str; 4] = ["b2b", "b2c", "d2c", "small-team"];
const ENGAGEMENTS: [&str; 3] = ["employee", "contractor", "agency"];
const LEVELS: [&str; 3] = ["allow", "warn", "deny"];
/// Names that match nothing in any catalog, for unknown-role/person/activity paths.
const UNKNOWN: [&str; 3] = ["no-such-thing", "ecommerce-manger", "ＡＢＣ\u{202e}|x"];

fn config() -> Config {
    Config {
        cases: 64,
        rng_seed: RngSeed::Fixed(0x7ea3_91a2),
        failure_persistence: None,
        ..Config::default()
    }
}

/// The built-in catalogs, loaded once for every case.
fn catalogs() -> &'static [Arc<Catalog>] {
    static CATALOGS_LOADED: OnceLock<Vec<Arc<Catalog>>> = OnceLock::new();
    CATALOGS_LOADED.get_or_init(|| {
        CATALOGS
            .iter()
            .map(|id| {
                teamplan::catalog::builtin(id).unwrap_or_else(|| panic!("no built-in catalog {id}"))
            })
            .collect()
    })
}

/// Every name a role reference may use in a catalog: ids and aliases.
fn role_names(catalog: &Catalog) -> Vec<String> {
    catalog
        .roles
        .iter()
        .flat_map(|r| std::iter::once(r.id.clone()).chain(r.aliases.iter().cloned()))
        .collect()
}

#[derive(Debug, Clone)]
struct GenPerson {
    id: String,
    name: Option<String>,
    roles: Vec<String>,
    fte: Option<f64>,
    engagement: Option<&'static str>,
    email: Option<String>,
}

#[derive(Debug, Clone)]
struct GenOverride {
    activity: String,
    accountable: Option<String>,
    responsible: Vec<String>,
    consulted: Vec<String>,
    informed: Vec<String>,
}

#[derive(Debug, Clone)]
struct GenTeam {
    catalog: usize,
    name: String,
    description: Option<String>,
    people: Vec<GenPerson>,
    overrides: Vec<GenOverride>,
    rules: Vec<(&'static str, &'static str)>,
}

/// Any text, including control characters, quotes, bidi overrides and newlines: the TOML
/// writer must quote it and the loader must give it back unchanged.
fn any_text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-z][a-z0-9-]{0,10}",
        1 => prop::collection::vec(any::<char>(), 0..max).prop_map(|c| c.into_iter().collect()),
    ]
}

fn pick<T: Clone + std::fmt::Debug + 'static>(items: Vec<T>) -> impl Strategy<Value = T> {
    prop::sample::select(items)
}

fn team_strategy() -> impl Strategy<Value = GenTeam> {
    (0..CATALOGS.len())
        .prop_flat_map(|c| {
            let catalog = &catalogs()[c];
            let mut names = role_names(catalog);
            names.extend(UNKNOWN.iter().map(|s| (*s).to_owned()));
            let activities: Vec<String> = catalog
                .activities
                .iter()
                .map(|a| a.id.clone())
                .chain(UNKNOWN.iter().map(|s| (*s).to_owned()))
                .collect();
            let person = (
                any_text(12),
                prop::option::of(any_text(20)),
                prop::collection::vec(pick(names.clone()), 0..5),
                prop::option::of((1u32..=1000).prop_map(|n| f64::from(n) / 1000.0)),
                prop::option::of(pick(ENGAGEMENTS.to_vec())),
                prop::option::of(any_text(20)),
            )
                .prop_map(|(id, name, roles, fte, engagement, email)| GenPerson {
                    id,
                    name,
                    roles,
                    fte,
                    engagement,
                    email,
                });
            let people = prop::collection::vec(person, 0..12).prop_map(|mut people| {
                let mut seen = BTreeSet::new();
                people.retain(|p| seen.insert(p.id.clone()));
                people
            });
            (
                Just(c),
                any_text(20).prop_map(|n| format!("T{n}")),
                prop::option::of(any_text(40)),
                people,
                prop::collection::vec(pick(activities), 0..6),
                prop::collection::vec(
                    (
                        pick(Rule::configurable().map(Rule::name).collect()),
                        pick(LEVELS.to_vec()),
                    ),
                    0..4,
                ),
                any::<u64>(),
            )
        })
        .prop_map(
            |(catalog, name, description, people, activities, rules, salt)| {
                // Override references: people's ids, role names, and names matching nothing.
                let ids: Vec<String> = people.iter().map(|p| p.id.clone()).collect();
                let mut refs = role_names(&catalogs()[catalog]);
                refs.extend(UNKNOWN.iter().map(|s| (*s).to_owned()));
                let mut n = salt;
                let mut next = |k: usize| {
                    n = n
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    usize::try_from(n >> 33).unwrap_or(0) % k.max(1)
                };
                // Half of the references name a person, when there are people.
                let mut take = |count: usize| -> Vec<String> {
                    (0..count)
                        .map(|_| {
                            let pick = next(2 * refs.len());
                            match pick.checked_sub(refs.len()) {
                                Some(i) if !ids.is_empty() => ids[i % ids.len()].clone(),
                                _ => refs[pick % refs.len()].clone(),
                            }
                        })
                        .collect()
                };
                let mut seen = BTreeSet::new();
                let overrides = activities
                    .into_iter()
                    .filter(|a| seen.insert(a.clone()))
                    .enumerate()
                    .map(|(i, activity)| GenOverride {
                        activity,
                        accountable: take(usize::from(i % 3 != 0)).pop(),
                        responsible: take(i % 3),
                        consulted: take(i % 2),
                        informed: take((i + 1) % 2),
                    })
                    .collect();
                GenTeam {
                    catalog,
                    name,
                    description,
                    people,
                    overrides,
                    rules,
                }
            },
        )
}

fn strings(items: &[String]) -> toml::Value {
    toml::Value::Array(items.iter().cloned().map(toml::Value::String).collect())
}

/// Write the team as a user's file would be, with the `toml` writer doing the quoting.
fn to_toml(t: &GenTeam) -> String {
    use toml::{Table, Value};
    let mut doc = Table::new();
    let mut team = Table::new();
    team.insert("name".into(), Value::String(t.name.clone()));
    team.insert("catalog".into(), Value::String(CATALOGS[t.catalog].into()));
    if let Some(d) = &t.description {
        team.insert("description".into(), Value::String(d.clone()));
    }
    doc.insert("team".into(), Value::Table(team));
    let mut people = Table::new();
    for p in &t.people {
        let mut entry = Table::new();
        if let Some(name) = &p.name {
            entry.insert("name".into(), Value::String(name.clone()));
        }
        entry.insert("roles".into(), strings(&p.roles));
        if let Some(fte) = p.fte {
            entry.insert("fte".into(), Value::Float(fte));
        }
        if let Some(e) = p.engagement {
            entry.insert("engagement".into(), Value::String(e.into()));
        }
        if let Some(email) = &p.email {
            entry.insert("email".into(), Value::String(email.clone()));
        }
        people.insert(p.id.clone(), Value::Table(entry));
    }
    doc.insert("people".into(), Value::Table(people));
    let mut raci = Table::new();
    for o in &t.overrides {
        let mut entry = Table::new();
        if let Some(a) = &o.accountable {
            entry.insert("accountable".into(), Value::String(a.clone()));
        }
        entry.insert("responsible".into(), strings(&o.responsible));
        entry.insert("consulted".into(), strings(&o.consulted));
        entry.insert("informed".into(), strings(&o.informed));
        raci.insert(o.activity.clone(), Value::Table(entry));
    }
    doc.insert("raci".into(), Value::Table(raci));
    let mut levels = Table::new();
    for (rule, level) in &t.rules {
        levels.insert((*rule).into(), Value::String((*level).into()));
    }
    doc.insert("rules".into(), Value::Table(levels));
    toml::to_string(&doc).unwrap_or_else(|e| panic!("cannot write {t:?}: {e}"))
}

fn load(text: &str) -> (Arc<SourceFile>, Result<Loaded, Vec<Finding>>) {
    let source = Arc::new(SourceFile::new("planned.toml", text.to_owned()));
    let mut store = CatalogStore::default();
    let loaded = team::load_source(&source, &mut store, LoadOptions::default());
    (source, loaded)
}

/// A finding points into its file: a real line and column, and a span on char boundaries.
fn assert_in_file(f: &Finding, source: &SourceFile) {
    let lines = source.text.split('\n').count();
    assert!(
        f.line >= 1 && f.line <= lines,
        "line {} of {lines}: {f:?}",
        f.line
    );
    let line_text = source.text.split('\n').nth(f.line - 1).unwrap_or_default();
    assert!(
        f.column >= 1 && f.column <= line_text.chars().count() + 1,
        "column {} of {line_text:?}: {f:?}",
        f.column
    );
    if let Some(span) = &f.span {
        assert!(
            source.text.get(span.clone()).is_some(),
            "span {span:?}: {f:?}"
        );
    }
    assert_eq!(f.file, "planned.toml");
    assert!(!f.message.is_empty() && !f.help.is_empty(), "{f:?}");
}

fn assert_round_trip(planned: &GenTeam, team: &Team) {
    assert_eq!(team.name, planned.name.trim());
    assert_eq!(team.catalog.id, CATALOGS[planned.catalog]);
    assert_eq!(team.description, planned.description);
    assert_eq!(team.people.len(), planned.people.len());
    for (p, g) in team.people.iter().zip(&planned.people) {
        assert_eq!(&*p.id, g.id);
        assert_eq!(&*p.name, g.name.as_deref().unwrap_or(&g.id));
        let roles: Vec<&str> = p.roles.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(roles, g.roles);
        assert_eq!(p.fte.to_bits(), g.fte.unwrap_or(1.0).to_bits());
        assert_eq!(p.engagement.as_str(), g.engagement.unwrap_or("employee"));
        assert_eq!(p.email.as_deref(), g.email.as_deref());
        for r in &p.roles {
            // A span covers the quoted string as written.
            let written = team.source.text.get(r.span.clone()).unwrap_or_default();
            assert!(
                written.len() >= r.name.len(),
                "{written:?} for {:?}",
                r.name
            );
        }
    }
    assert_eq!(team.overrides.len(), planned.overrides.len());
    for (o, g) in team.overrides.iter().zip(&planned.overrides) {
        assert_eq!(o.activity.name, g.activity);
        assert_eq!(
            o.accountable.as_ref().map(|r| r.name.as_str()),
            g.accountable.as_deref()
        );
        let names = |refs: &[teamplan::team::Ref]| -> Vec<String> {
            refs.iter().map(|r| r.name.to_string()).collect()
        };
        assert_eq!(
            names(o.responsible.as_deref().unwrap_or_default()),
            g.responsible
        );
        assert_eq!(
            names(o.consulted.as_deref().unwrap_or_default()),
            g.consulted
        );
        assert_eq!(names(o.informed.as_deref().unwrap_or_default()), g.informed);
    }
    let levels: Vec<&str> = team.levels.iter().map(|(r, _)| r.name()).collect();
    let want: Vec<&str> = planned.rules.iter().map(|(r, _)| *r).collect();
    // Later entries for the same rule are duplicate keys, which the generator never makes.
    assert_eq!(levels.len(), {
        let mut w = want.clone();
        w.sort_unstable();
        w.dedup();
        w.len()
    });
}

/// The invariants the rules and renderers rely on, checked against an independent
/// reading of the team file.
fn assert_resolved(team: &Team, r: &Resolved<'_>) {
    let catalog = &team.catalog;
    let people = team.people.len();
    assert_eq!(r.rows.len(), catalog.activities.len());
    assert_eq!(r.holders.len(), catalog.roles.len());
    assert_eq!(r.person_roles.len(), people);

    // Holders of a role are exactly the people listing it or an alias of it.
    for (role, holders) in r.holders.iter().enumerate() {
        let want: Vec<usize> = team
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.roles.iter().any(|x| catalog.role(&x.name) == Some(role)))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(holders, &want, "holders of {}", catalog.roles[role].id);
    }
    let unknown: usize = team
        .people
        .iter()
        .map(|p| {
            p.roles
                .iter()
                .filter(|x| catalog.role(&x.name).is_none())
                .count()
        })
        .sum();
    assert_eq!(r.unknown_roles.len(), unknown);

    for (a, row) in r.rows.iter().enumerate() {
        assert_eq!(row.activity, a);
        assert_eq!(row.by_person.len(), people, "one entry per person");
        assert_eq!(row.by_role.len(), catalog.roles.len(), "one entry per role");
        for l in row.by_person.iter().chain(row.by_role.iter()) {
            // Letters are normalized: the strongest win.
            if l.has(Letters::A) || l.has(Letters::R) {
                assert!(!l.has(Letters::C) && !l.has(Letters::I), "{l:?}");
            }
            if l.has(Letters::C) {
                assert!(!l.has(Letters::I), "{l:?}");
            }
        }
        let activity = &catalog.activities[a];
        match row.override_idx {
            None => {
                // Without an override, A and R come from the catalog's roles, each carried by
                // its holders or, when nobody holds it, by the holders of the nearest held
                // role up its `reports-to` chain.
                for (p, held) in r.person_roles.iter().enumerate() {
                    let carries =
                        |role| carrier(r, catalog, role).is_some_and(|c| held.contains(&c));
                    let a_ = carries(activity.raci.accountable);
                    let r_ = activity.raci.responsible.iter().any(|&x| carries(x));
                    assert_eq!(row.by_person.get(p).has(Letters::A), a_, "{}", activity.id);
                    assert_eq!(row.by_person.get(p).has(Letters::R), r_, "{}", activity.id);
                }
            }
            Some(o) => {
                let ov = &team.overrides[o];
                assert_eq!(catalog.activity(&ov.activity.name), Some(a));
                // A person is accountable when the override names them, or a role they hold
                // while no person has that id; an override without `accountable` keeps the
                // catalog's.
                for (p, person) in team.people.iter().enumerate() {
                    let carries = |role| {
                        carrier(r, catalog, role).is_some_and(|c| r.person_roles[p].contains(&c))
                    };
                    let named = match &ov.accountable {
                        Some(x) => {
                            *x.name == *person.id
                                || (!team.people.iter().any(|q| *q.id == *x.name)
                                    && catalog.role(&x.name).is_some_and(carries))
                        }
                        None => carries(activity.raci.accountable),
                    };
                    assert_eq!(
                        row.by_person.get(p).has(Letters::A),
                        named,
                        "{}",
                        activity.id
                    );
                }
            }
        }
    }
    for u in &r.unknown_refs {
        assert!(u.override_idx < team.overrides.len());
    }
}

/// The role whose holders carry `role`'s work: itself when someone holds it, else the
/// nearest held role up its `reports-to` chain (worked out here from the catalog alone).
fn carrier(r: &Resolved<'_>, catalog: &Catalog, role: usize) -> Option<usize> {
    let mut at = role;
    for _ in 0..=catalog.roles.len() {
        if !r.holders[at].is_empty() {
            return Some(at);
        }
        at = catalog.roles[at].reports_to?;
    }
    None
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_teams_round_trip_and_resolve_soundly(planned in team_strategy()) {
        let text = to_toml(&planned);
        let (source, loaded) = load(&text);
        let team = match loaded {
            Ok(Loaded::Team(t)) => t,
            Ok(other) => panic!("not a team: {other:?}\n{text}"),
            Err(findings) => panic!("{findings:#?}\n{text}"),
        };
        assert_round_trip(&planned, &team);
        let resolved = Resolved::new(&team);
        assert_resolved(&team, &resolved);
        for f in rules::check_team(&resolved) {
            assert_in_file(&f, &source);
            assert_eq!(f.team, team.name);
        }
        for f in rules::check_org(
            &[(&team, None), (&team, None)],
            &people_in_several_teams(&[&team, &team]),
        ) {
            assert_in_file(&f, &source);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        exercise_bytes(&bytes);
    }

    #[test]
    fn toml_shaped_noise_never_panics_the_loader(parts in prop::collection::vec(pick(TOKENS.to_vec()), 0..80)) {
        exercise_bytes(parts.concat().as_bytes());
    }
}

/// Pieces of team files, so random input gets past the TOML syntax and into the shape
/// checks, the resolver and the rules.
const TOKENS: [&str; 32] = [
    "[team]\nname = \"T\"\ncatalog = \"small-team\"\n",
    "[team]\nname = \"T\"\ncatalog = \"b2b\"\n",
    "[people.a]\n",
    "[people.b]\n",
    "[raci.marketing-strategy]\n",
    "[rules]\n",
    "roles = [\"ecommerce-manager\", \"web-developer\"]\n",
    "roles = [\"digital-marketer\"]\n",
    "roles = []\n",
    "fte = 0.5\n",
    "fte = nan\n",
    "fte = 1e400\n",
    "engagement = \"agency\"\n",
    "accountable = \"a\"\n",
    "responsible = [\"b\", \"web-developer\"]\n",
    "overloaded = \"allow\"\n",
    "extends = \"b2b\"\n",
    "[roles.x]\n",
    "name = ",
    "\"",
    "'",
    "[",
    "]",
    "{",
    "}",
    "=",
    ",",
    "\n",
    "\r\n",
    "\u{feff}",
    "\u{1b}[31m",
    "é",
];

fn exercise_bytes(bytes: &[u8]) {
    let path = std::path::Path::new("planned.toml");
    let source = match teamplan::input::text_source(path, bytes.to_vec()) {
        Ok(s) => s,
        Err(f) => {
            assert!(f.line >= 1 && f.column >= 1, "{f:?}");
            return;
        }
    };
    let mut store = CatalogStore::default();
    match team::load_source(&source, &mut store, LoadOptions::default()) {
        Ok(Loaded::Team(team)) => {
            let resolved = Resolved::new(&team);
            for f in rules::check_team(&resolved) {
                assert_in_file(&f, &source);
            }
        }
        Ok(_) => {}
        Err(findings) => {
            assert!(!findings.is_empty());
            for f in &findings {
                // A custom catalog's findings may point into a built-in catalog.
                if f.file == "planned.toml" {
                    assert_in_file(f, &source);
                }
            }
        }
    }
}

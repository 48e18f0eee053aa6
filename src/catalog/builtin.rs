//! The built-in catalogs, resolved ahead of time.
//!
//! `catalogs/*.toml` are the source of truth. Parsing and resolving them costs more than the
//! rest of a one-team `check`, so `builtin_data.rs` holds them already resolved, as Rust
//! code generated from those files by the test below; the test fails when the two disagree
//! and `TEAMPLAN_BLESS=1 cargo test --lib builtin` rewrites the generated file (the tests
//! after that run build with it).

use foldhash::{HashMap, HashMapExt};
use std::sync::{Arc, OnceLock};

use super::BUILTIN_IDS;

use super::model::{
    Activity, ActivityIdx, Area, Catalog, Limits, Raci, Requirement, Role, RoleIdx,
};

/// A built-in catalog by id, built on first use and shared by every thread after that.
pub(super) fn shared(id: &str) -> Option<Arc<Catalog>> {
    static CATALOGS: [OnceLock<Option<Arc<Catalog>>>; BUILTIN_IDS.len()] =
        [const { OnceLock::new() }; BUILTIN_IDS.len()];
    let i = BUILTIN_IDS.iter().position(|&b| b == id)?;
    CATALOGS[i]
        .get_or_init(|| catalog(id).map(Arc::new))
        .clone()
}

/// A built-in catalog by id, resolved.
fn catalog(id: &str) -> Option<Catalog> {
    super::builtin_data::catalog(id)
}

impl Catalog {
    /// A catalog from its roles and activities, with the lookups by id and alias.
    pub(super) fn from_parts(
        [id, title, description]: [&str; 3],
        limits: Limits,
        roles: Vec<Role>,
        activities: Vec<Activity>,
    ) -> Self {
        let mut role_lookup: HashMap<String, RoleIdx> = HashMap::with_capacity(roles.len() * 2);
        for (idx, role) in roles.iter().enumerate() {
            role_lookup.insert(role.id.clone(), idx);
            for alias in &role.aliases {
                role_lookup.insert(alias.clone(), idx);
            }
        }
        let activity_lookup: HashMap<String, ActivityIdx> = activities
            .iter()
            .enumerate()
            .map(|(idx, a)| (a.id.clone(), idx))
            .collect();
        Catalog {
            id: id.to_owned(),
            title: title.to_owned(),
            description: description.to_owned(),
            limits,
            roles,
            activities,
            role_lookup,
            activity_lookup,
        }
    }
}

/// `[id, title, summary, source]`, requirement, aliases, single, conflicts.
pub(super) fn role(
    [id, title, summary, source]: [&str; 4],
    requirement: Requirement,
    aliases: &[&str],
    single: bool,
    conflicts: &[RoleIdx],
) -> Role {
    Role {
        id: id.to_owned(),
        title: title.to_owned(),
        summary: summary.to_owned(),
        requirement,
        aliases: aliases.iter().map(|&a| a.to_owned()).collect(),
        single,
        conflicts: conflicts.to_vec(),
        source: source.to_owned(),
    }
}

/// `[id, title, source]`, area, RACI `(A, R, C, I)`, must consult, must inform, keep in house.
pub(super) fn activity(
    [id, title, source]: [&str; 3],
    area: Area,
    (accountable, responsible, consulted, informed): (RoleIdx, &[RoleIdx], &[RoleIdx], &[RoleIdx]),
    [must_consult, must_inform]: [&[RoleIdx]; 2],
    keep_in_house: bool,
) -> Activity {
    Activity {
        id: id.to_owned(),
        title: title.to_owned(),
        area,
        raci: Raci {
            accountable,
            responsible: responsible.to_vec(),
            consulted: consulted.to_vec(),
            informed: informed.to_vec(),
        },
        must_consult: must_consult.to_vec(),
        must_inform: must_inform.to_vec(),
        keep_in_house,
        source: source.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;
    use std::path::Path;
    use std::sync::Arc;

    use super::super::{BUILTIN_IDS, builtin_source, load};
    use super::{Catalog, catalog, shared};

    /// The Rust source of `builtin_data.rs` for the given catalogs.
    fn generate(catalogs: &[Catalog]) -> String {
        let mut out = String::from(
            "//! @generated from `catalogs/*.toml` by `src/catalog/builtin.rs`: do not edit.\n\
             //! Regenerate with `TEAMPLAN_BLESS=1 cargo test --lib builtin`.\n\n\
             use super::builtin::{activity, role};\n\
             use super::model::{Area, Catalog, Limits, Requirement};\n\n\
             pub(super) fn catalog(id: &str) -> Option<Catalog> {\n    match id {\n",
        );
        for c in catalogs {
            let _ = writeln!(out, "        {:?} => Some({}()),", c.id, fn_name(&c.id));
        }
        out.push_str("        _ => None,\n    }\n}\n");
        for c in catalogs {
            render(&mut out, c);
        }
        out
    }

    fn fn_name(id: &str) -> String {
        id.replace('-', "_")
    }

    fn render(out: &mut String, c: &Catalog) {
        let _ = write!(
            out,
            "\nfn {}() -> Catalog {{\n    Catalog::from_parts(\n        [{:?}, {:?}, {:?}],\n        \
             Limits {{ ra_per_fte: {:?}, roles_per_person: {} }},\n        vec![\n",
            fn_name(&c.id),
            c.id,
            c.title,
            c.description,
            c.limits.ra_per_fte,
            c.limits.roles_per_person
        );
        for r in &c.roles {
            let _ = writeln!(
                out,
                "            role([{:?}, {:?}, {:?}, {:?}], Requirement::{:?}, &{:?}, {}, &{:?}),",
                r.id, r.title, r.summary, r.source, r.requirement, r.aliases, r.single, r.conflicts
            );
        }
        out.push_str("        ],\n        vec![\n");
        for a in &c.activities {
            let _ = writeln!(
                out,
                "            activity([{:?}, {:?}, {:?}], Area::{:?}, ({}, &{:?}, &{:?}, &{:?}), [&{:?}, &{:?}], {}),",
                a.id,
                a.title,
                a.source,
                a.area,
                a.raci.accountable,
                a.raci.responsible,
                a.raci.consulted,
                a.raci.informed,
                a.must_consult,
                a.must_inform,
                a.keep_in_house
            );
        }
        out.push_str("        ],\n    )\n}\n");
    }

    fn from_toml(id: &str) -> Catalog {
        let source = builtin_source(id).expect("embedded");
        load(&source).unwrap_or_else(|findings| {
            panic!(
                "catalogs/{id}.toml is inconsistent:\n{}",
                findings
                    .iter()
                    .map(|f| format!("{}:{}: {} ({})", f.file, f.line, f.message, f.help))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
    }

    #[test]
    fn builtin_data_is_generated_from_the_catalog_files() {
        let catalogs: Vec<Catalog> = BUILTIN_IDS.iter().map(|id| from_toml(id)).collect();
        let expected = generate(&catalogs);
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/catalog/builtin_data.rs");
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        if actual != expected {
            if std::env::var_os("TEAMPLAN_BLESS").is_some() {
                std::fs::write(&path, &expected).expect("write builtin_data.rs");
            } else {
                panic!(
                    "src/catalog/builtin_data.rs is out of date with catalogs/*.toml; \
                     run `TEAMPLAN_BLESS=1 cargo test --lib builtin`, then `cargo test` again, \
                     and commit the result"
                );
            }
        }
    }

    #[test]
    fn precompiled_catalogs_equal_the_resolved_files() {
        for id in BUILTIN_IDS {
            let from_file = from_toml(id);
            let compiled = catalog(id).expect("compiled in");
            // Right after `TEAMPLAN_BLESS=1` rewrote the data, this binary still holds the old
            // one: the next `cargo test` builds with the new.
            let stale = "the compiled-in catalog differs from catalogs/*.toml \
                         (after TEAMPLAN_BLESS=1, run the tests again)";
            assert_eq!(compiled.id, from_file.id, "{stale}");
            assert_eq!(compiled.title, from_file.title, "{id}: {stale}");
            assert_eq!(compiled.description, from_file.description, "{id}: {stale}");
            assert_eq!(compiled.limits, from_file.limits, "{id}: {stale}");
            assert_eq!(compiled.roles, from_file.roles, "{id} roles: {stale}");
            assert_eq!(
                compiled.activities, from_file.activities,
                "{id} activities: {stale}"
            );
            assert_eq!(
                compiled.role_lookup, from_file.role_lookup,
                "{id} role lookup: {stale}"
            );
            assert_eq!(
                compiled.activity_lookup, from_file.activity_lookup,
                "{id} activity lookup: {stale}"
            );
        }
        assert!(
            catalog("base").is_none(),
            "base is a library, not a catalog"
        );
        assert!(shared("base").is_none());
        let twice = (shared("b2c").expect("b2c"), shared("b2c").expect("b2c"));
        assert!(Arc::ptr_eq(&twice.0, &twice.1), "built once, then shared");
    }
}

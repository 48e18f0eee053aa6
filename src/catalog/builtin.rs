//! The built-in catalogs. `catalogs/*.toml` are their source: `build.rs` resolves them with
//! the code that reads custom catalogs and compiles each one in (postcard), read here once
//! per process on first use. The TOML is compiled in too, for catalogs that `extends` one.

use std::sync::{Arc, OnceLock};

use super::model::Catalog;
use crate::diag::source::SourceFile;

/// The catalogs a team file may name.
pub const BUILTIN_IDS: [&str; 7] = [
    "b2b",
    "b2c",
    "d2c",
    "small-team",
    "marketing-team",
    "it-team",
    "warehouse-team",
];

/// The built-in catalogs of a whole business; the others are departments.
pub const BUSINESS_IDS: [&str; 4] = ["b2b", "b2c", "d2c", "small-team"];

/// Each built-in catalog resolved, as `build.rs` wrote it (postcard: reading it back costs a
/// fraction of parsing JSON, and nothing of the TOML).
const RESOLVED: [&[u8]; BUILTIN_IDS.len()] = [
    include_bytes!(concat!(env!("OUT_DIR"), "/b2b.bin")),
    include_bytes!(concat!(env!("OUT_DIR"), "/b2c.bin")),
    include_bytes!(concat!(env!("OUT_DIR"), "/d2c.bin")),
    include_bytes!(concat!(env!("OUT_DIR"), "/small-team.bin")),
    include_bytes!(concat!(env!("OUT_DIR"), "/marketing-team.bin")),
    include_bytes!(concat!(env!("OUT_DIR"), "/it-team.bin")),
    include_bytes!(concat!(env!("OUT_DIR"), "/warehouse-team.bin")),
];

/// The catalog sources. `base` is the library every built-in catalog extends.
const EMBEDDED: &[(&str, &str)] = &[
    ("base", include_str!("../../catalogs/base.toml")),
    ("b2b", include_str!("../../catalogs/b2b.toml")),
    ("b2c", include_str!("../../catalogs/b2c.toml")),
    ("d2c", include_str!("../../catalogs/d2c.toml")),
    ("small-team", include_str!("../../catalogs/small-team.toml")),
    (
        "marketing-team",
        include_str!("../../catalogs/marketing-team.toml"),
    ),
    ("it-team", include_str!("../../catalogs/it-team.toml")),
    (
        "warehouse-team",
        include_str!("../../catalogs/warehouse-team.toml"),
    ),
];

/// A built-in catalog by id, read on first use and shared by every thread after that; None
/// when `id` is not one of [`BUILTIN_IDS`].
#[must_use]
pub fn builtin(id: &str) -> Option<Arc<Catalog>> {
    static CATALOGS: [OnceLock<Arc<Catalog>>; BUILTIN_IDS.len()] =
        [const { OnceLock::new() }; BUILTIN_IDS.len()];
    let i = BUILTIN_IDS.iter().position(|&b| b == id)?;
    let catalog = CATALOGS[i].get_or_init(|| {
        // build.rs wrote these bytes from a Catalog of this same code: they always read back.
        let catalog: Catalog = postcard::from_bytes(RESOLVED[i]).unwrap_or_else(|e| {
            unreachable!("the compiled-in catalog {id} does not read back: {e}")
        });
        Arc::new(catalog.index())
    });
    Some(Arc::clone(catalog))
}

/// The TOML source of a built-in catalog, or of `base`.
#[must_use]
pub fn builtin_source(id: &str) -> Option<Arc<SourceFile>> {
    EMBEDDED
        .iter()
        .find(|(name, _)| *name == id)
        .map(|(_, text)| {
            Arc::new(SourceFile::new(
                format!("<builtin>/{id}.toml"),
                (*text).to_owned(),
            ))
        })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::load::load;
    use super::{BUILTIN_IDS, builtin, builtin_source};

    #[test]
    fn compiled_catalogs_equal_the_catalog_files_loaded_at_run_time() {
        for id in BUILTIN_IDS {
            let source = builtin_source(id).expect("embedded");
            let from_file = load(&source).unwrap_or_else(|findings| {
                panic!("catalogs/{id}.toml is inconsistent: {findings:?}")
            });
            let compiled = builtin(id).expect("compiled in");
            assert_eq!(compiled.id, from_file.id);
            assert_eq!(compiled.title, from_file.title, "{id}");
            assert_eq!(compiled.description, from_file.description, "{id}");
            assert_eq!(compiled.limits, from_file.limits, "{id}");
            assert_eq!(compiled.roles, from_file.roles, "{id} roles");
            assert_eq!(compiled.activities, from_file.activities, "{id} activities");
            assert_eq!(
                compiled.role_lookup, from_file.role_lookup,
                "{id} role lookup"
            );
            assert_eq!(
                compiled.activity_lookup, from_file.activity_lookup,
                "{id} activity lookup"
            );
        }
        assert!(
            builtin("base").is_none(),
            "base is a library, not a catalog"
        );
        let twice = (builtin("b2c").expect("b2c"), builtin("b2c").expect("b2c"));
        assert!(Arc::ptr_eq(&twice.0, &twice.1), "built once, then shared");
    }
}

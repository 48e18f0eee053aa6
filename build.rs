//! Resolves the built-in catalogs (`catalogs/*.toml`) at build time with the same code that
//! reads custom catalogs at run time, and stores each one (postcard) in `OUT_DIR`: a run reads
//! the resolved catalog it needs instead of parsing and resolving 50 KB of TOML. A
//! catalog that is not consistent fails the build with every problem listed.

use std::path::Path;

#[allow(dead_code)]
#[path = "src/diag/suggest.rs"]
mod suggest;

mod diag {
    pub(crate) use super::suggest;
}

#[allow(dead_code)]
#[path = "src/input/variants.rs"]
mod variants;

mod input {
    pub(crate) use super::variants;
}

#[allow(dead_code)]
#[path = "src/catalog/model.rs"]
mod model;

#[allow(dead_code)]
#[path = "src/catalog/basis.rs"]
mod basis;

#[allow(dead_code)]
#[path = "src/catalog/raw.rs"]
mod raw;

#[allow(dead_code)]
#[path = "src/catalog/patch.rs"]
mod patch;

#[allow(dead_code)]
#[path = "src/catalog/file.rs"]
mod file;

#[allow(dead_code)]
#[path = "src/catalog/why.rs"]
mod why;

#[allow(dead_code)]
#[path = "src/catalog/teams.rs"]
mod teams;

#[allow(dead_code)]
#[path = "src/catalog/link.rs"]
mod link;

/// The built-in catalogs; each extends `base`, the library of roles and activities.
const CATALOGS: [&str; 7] = [
    "b2b",
    "b2c",
    "d2c",
    "small-team",
    "marketing-team",
    "it-team",
    "warehouse-team",
];

fn main() {
    for source in [
        "catalogs",
        "src/diag/suggest.rs",
        "src/input/variants.rs",
        "src/catalog/model.rs",
        "src/catalog/file.rs",
        "src/catalog/patch.rs",
        "src/catalog/raw.rs",
        "src/catalog/basis.rs",
        "src/catalog/why.rs",
        "src/catalog/teams.rs",
        "src/catalog/link.rs",
    ] {
        println!("cargo::rerun-if-changed={source}");
    }
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let base = parse("base", None);
    for id in CATALOGS {
        let raw = parse(id, Some(base.clone()));
        let mut problems = Vec::new();
        let catalog = link::resolve(&raw, &mut problems);
        fail_on(id, &problems);
        let bytes = postcard::to_allocvec(&catalog).expect("a catalog serializes");
        std::fs::write(Path::new(&out_dir).join(format!("{id}.bin")), bytes)
            .expect("OUT_DIR is writable");
    }
}

/// Parse `catalogs/ID.toml` and apply it on top of `base`.
fn parse(id: &str, base: Option<raw::RawCatalog>) -> raw::RawCatalog {
    let path = format!("catalogs/{id}.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let parsed: file::CatalogFile = toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut problems = Vec::new();
    let raw = parsed.apply(base, id, &mut problems);
    fail_on(id, &problems);
    raw
}

fn fail_on(id: &str, problems: &[raw::CatalogProblem]) {
    if !problems.is_empty() {
        let list: Vec<String> = problems
            .iter()
            .map(|p| format!("  {} ({})", p.message, p.help))
            .collect();
        panic!(
            "catalogs/{id}.toml is not consistent (`teamplan catalog check` shows where):\n{}",
            list.join("\n")
        );
    }
}

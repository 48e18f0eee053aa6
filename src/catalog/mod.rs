//! Role catalogs: the model, the file format (a whole catalog or a patch on a built-in
//! one), linking names to indices with the consistency checks, the built-in catalogs and
//! the export shapes.

pub mod basis;
mod builtin;
pub mod export;
mod file;
mod link;
mod load;
mod model;
mod patch;
mod raw;
mod teams;
mod why;

pub use builtin::{BUILTIN_IDS, BUSINESS_IDS, builtin, builtin_source};
pub use file::CatalogFile;
pub use link::is_kebab_case;
pub use load::{CatalogStore, find, load};
pub use model::{
    Activity, ActivityIdx, Area, Catalog, Limits, Raci, Requirement, Role, RoleIdx, TeamName,
};
pub use raw::{RaciSpec, RawCatalog};

//! Team files: the file format (with the JSON Schema), the model the resolver reads, and
//! the loader between them.

mod catalog_ref;
mod file;
mod load;
mod merge;
mod model;
mod options;
mod org_file;
mod person;
mod template;

pub use file::{Engagement, Status, schema_json};
pub use load::{LoadOptions, Loaded, load_path, load_source};
pub use model::{Located, Org, Person, Planned, RaciOverride, Ref, Team, Unit};
pub use template::{NewPerson, People, team_file, unit_file};

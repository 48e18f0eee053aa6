//! Team files: the file format (with the JSON Schema), the model the resolver reads, and
//! the loader between them.

mod file;
mod load;
mod model;
mod template;

pub use file::{Engagement, schema_json};
pub use load::{LoadOptions, Loaded, load_path, load_source};
pub use model::{Person, RaciOverride, Ref, Team};
pub use template::{NewPerson, People, team_file};

//! Backstage catalog entities of the teams checked: a `Group` per org (`organization`) and
//! per team or unit (`team`, a unit's parent its org), a `User` per person (a person of
//! several units or teams is one user, a member of each), as one multi-document YAML file.
//!
//! Backstage has no field for a person's roles, leads, fte or engagement: they go in
//! `metadata.annotations` under [`PREFIX`]. The YAML is written by `serde-saphyr`, every
//! string from a file double-quoted on one line, and characters a terminal acts on escaped
//! in it: any name, with quotes, `:`, `---`, a newline or ESC, reads back as written.

mod entities;
mod names;
mod people;

pub use entities::{API_VERSION, render};
pub use names::{MAX_NAME, is_entity_name, is_namespace};
pub use people::PREFIX;

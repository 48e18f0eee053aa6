//! The RACI matrix as shown to people: the view (columns, rows grouped by area, filters)
//! and a renderer per `raci --format`.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod mermaid;
pub mod table;
pub mod view;

pub use view::{By, Filter, Matrix};

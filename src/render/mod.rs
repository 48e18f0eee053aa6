//! Rendering: every text teamplan prints or writes, one file per output, all user text
//! written through [`escape`].

pub mod backstage;
pub mod catalog;
pub mod diff;
pub mod escape;
pub mod explain;
pub mod findings;
pub mod inject;
pub mod matrix;
pub mod page;
pub mod page_people;
pub mod page_plan;
pub mod plan;
pub mod sources;
pub mod style;
pub mod suggest;
pub mod unified;
pub mod width;

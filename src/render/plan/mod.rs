//! `teamplan plan`'s outputs: the timeline, the hiring plan, plans compared.

pub mod compare;
pub mod grid;
pub mod numbers;
pub mod positions;
pub mod svg;
pub mod timeline;

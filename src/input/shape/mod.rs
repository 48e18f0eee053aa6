//! The shape check: a parsed TOML document (with spans) walked against the JSON Schema of
//! the types serde will read it into. It finds every unknown key, wrong type, unknown value,
//! missing key and number out of bounds of a file in one pass, each as a typed [`Problem`]
//! at its span, without reading any error message.
//!
//! The schema comes from the caller (schemars, from the parser's own types) and is compiled
//! once into a [`Shape`]; the walk is iterative, so nesting depth costs no stack.

mod compile;
mod node;
mod problem;
mod walk;

pub use node::Shape;
pub use problem::{Bound, Found, Kinds, Problem, Step};

#[cfg(test)]
mod tests;

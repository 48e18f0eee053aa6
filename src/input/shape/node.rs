//! A compiled schema: one [`Node`] per place of a document, saying what that place may
//! hold. [`Shape::from_schema`] builds it (compile.rs), [`Shape::check`] walks a document
//! against it (walk.rs).

use super::problem::{Bound, Kinds};

/// A JSON Schema compiled for checking TOML documents.
#[derive(Debug, Clone)]
pub struct Shape {
    pub(super) nodes: Vec<Node>,
    pub(super) root: NodeId,
}

pub(super) type NodeId = usize;

/// What one place of the document may hold.
#[derive(Debug, Clone)]
pub(super) struct Node {
    pub(super) kinds: Kinds,
    /// The only strings allowed (`enum`, `const`, `oneOf` of constants).
    pub(super) choices: Option<Vec<String>>,
    pub(super) min: Option<Bound>,
    pub(super) max: Option<Bound>,
    pub(super) items: Option<NodeId>,
    pub(super) properties: Vec<(String, NodeId)>,
    pub(super) additional: Additional,
    pub(super) required: Vec<String>,
}

impl Node {
    /// Anything goes.
    pub(super) fn any() -> Self {
        Self {
            kinds: Kinds::ALL,
            choices: None,
            min: None,
            max: None,
            items: None,
            properties: Vec::new(),
            additional: Additional::Any,
            required: Vec::new(),
        }
    }

    /// No constraint at all: nothing under it needs a visit.
    pub(super) fn is_any(&self) -> bool {
        self.kinds == Kinds::ALL
            && self.choices.is_none()
            && self.min.is_none()
            && self.max.is_none()
            && self.items.is_none()
            && self.properties.is_empty()
            && self.additional == Additional::Any
            && self.required.is_empty()
    }
}

/// Keys of a table that are not among its properties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Additional {
    Any,
    Deny,
    Node(NodeId),
}

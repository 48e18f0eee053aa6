//! The walk of a document against a [`Shape`]: depth first, with a stack of the tables and
//! lists open on the way down (never recursion), so nesting costs no call stack, and that
//! stack is also the way from the top of the document to the value being checked.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

use super::node::{Additional, Node, NodeId, Shape};
use super::problem::{Found, Kinds, Problem, Step};
use crate::diag::source::shorten;

/// Values quoted in a problem are cut to this many characters.
const MAX_SHOWN_CHARS: usize = 60;

impl Shape {
    /// Every problem of `doc`, in the order of the file.
    #[must_use]
    pub fn check(&self, doc: &Spanned<DeTable<'_>>) -> Vec<Problem> {
        let mut walk = Walk {
            shape: self,
            open: Vec::new(),
            problems: Vec::new(),
        };
        walk.open_table(self.root, doc.get_ref(), doc.span(), None);
        walk.run();
        walk.problems.sort_by_key(|p| p.span().start);
        walk.problems
    }
}

/// A step borrowed from the document; copied only into the path of a problem.
#[derive(Clone, Copy)]
enum At<'a> {
    Key(&'a str),
    Index(usize),
}

type Entries<'a> = toml::map::Iter<'a, Spanned<DeString<'a>>, Spanned<DeValue<'a>>>;
type Items<'a> = std::iter::Enumerate<std::slice::Iter<'a, Spanned<DeValue<'a>>>>;

/// A table or list being visited: where it is (None for the top of the document), the
/// node it must fit, and what is left of it.
struct Open<'a> {
    at: Option<At<'a>>,
    rest: Rest<'a>,
}

enum Rest<'a> {
    Table { node: NodeId, entries: Entries<'a> },
    List { item: NodeId, items: Items<'a> },
}

struct Walk<'s, 'a> {
    shape: &'s Shape,
    /// The tables and lists open, from the top of the document down.
    open: Vec<Open<'a>>,
    problems: Vec<Problem>,
}

impl<'a> Walk<'_, 'a> {
    fn run(&mut self) {
        while let Some(open) = self.open.last_mut() {
            let (id, value, at) = match &mut open.rest {
                Rest::Table { node, entries } => {
                    let node = *node;
                    let Some((key, value)) = entries.next() else {
                        self.open.pop();
                        continue;
                    };
                    let name: &'a str = key.get_ref();
                    let Some(child) = self.child(node, name, key.span()) else {
                        continue;
                    };
                    (child, value, At::Key(name))
                }
                Rest::List { item, items } => {
                    let item = *item;
                    let Some((i, value)) = items.next() else {
                        self.open.pop();
                        continue;
                    };
                    (item, value, At::Index(i))
                }
            };
            self.value(id, value, at);
        }
    }

    /// The node a key of a table must fit; None for a key that needs no check, or is
    /// unknown (then a problem).
    fn child(&mut self, id: NodeId, name: &str, span: Range<usize>) -> Option<NodeId> {
        let node = &self.shape.nodes[id];
        if let Some((_, child)) = node.properties.iter().find(|(p, _)| p == name) {
            return Some(*child);
        }
        match node.additional {
            Additional::Any => None,
            Additional::Node(child) => Some(child),
            Additional::Deny => {
                let expected = node.properties.iter().map(|(p, _)| p.clone()).collect();
                self.problems.push(Problem::UnknownKey {
                    path: self.path(None),
                    key: name.to_owned(),
                    span,
                    expected,
                });
                None
            }
        }
    }

    /// Check one value; a table or list whose contents matter is opened.
    fn value(&mut self, id: NodeId, value: &'a Spanned<DeValue<'a>>, at: At<'a>) {
        let shape = self.shape;
        let node = &shape.nodes[id];
        if node.is_any() {
            return;
        }
        let span = value.span();
        let inner = value.get_ref();
        if !node.kinds.contains(kind_of(inner)) {
            let items = node
                .items
                .filter(|_| node.kinds.contains(Kinds::ARRAY))
                .map(|i| shape.nodes[i].kinds);
            self.problems.push(Problem::WrongType {
                path: self.path(Some(at)),
                expected: node.kinds,
                items,
                found: found(inner),
                span,
            });
            return;
        }
        match inner {
            DeValue::String(s) => {
                if let Some(choices) = &node.choices {
                    if !choices.iter().any(|c| c == s) {
                        self.problems.push(Problem::UnknownValue {
                            path: self.path(Some(at)),
                            value: s.to_string(),
                            choices: choices.clone(),
                            span,
                        });
                    }
                }
            }
            // The widest integers serde reads from TOML; a narrower target type is serde's
            // to refuse.
            DeValue::Integer(i) => match i128::from_str_radix(i.as_str(), i.radix()) {
                #[allow(clippy::cast_precision_loss)]
                Ok(n) => self.bounds(node, n as f64, at, span),
                Err(_) => match u128::from_str_radix(i.as_str(), i.radix()) {
                    #[allow(clippy::cast_precision_loss)]
                    Ok(n) => self.bounds(node, n as f64, at, span),
                    Err(_) => self.too_large(&i.to_string(), true, at, span),
                },
            },
            DeValue::Float(f) => match f.as_str().parse::<f64>() {
                Ok(x) if x.is_infinite() && !f.as_str().contains("inf") => {
                    self.too_large(f.as_str(), false, at, span);
                }
                Ok(x) => self.bounds(node, x, at, span),
                // Not a number Rust reads: serde will say so.
                Err(_) => {}
            },
            DeValue::Table(table) => self.open_table(id, table, span, Some(at)),
            DeValue::Array(items) => {
                if let Some(item) = node.items {
                    self.open.push(Open {
                        at: Some(at),
                        rest: Rest::List {
                            item,
                            items: items.iter().enumerate(),
                        },
                    });
                }
            }
            DeValue::Boolean(_) | DeValue::Datetime(_) => {}
        }
    }

    /// Open a table for its entries, and check its required keys.
    fn open_table(
        &mut self,
        id: NodeId,
        table: &'a DeTable<'a>,
        span: Range<usize>,
        at: Option<At<'a>>,
    ) {
        self.open.push(Open {
            at,
            rest: Rest::Table {
                node: id,
                entries: table.iter(),
            },
        });
        let shape = self.shape;
        let node = &shape.nodes[id];
        for key in &node.required {
            if !table.contains_key(key.as_str()) {
                let expected = node
                    .properties
                    .iter()
                    .find(|(p, _)| p == key)
                    .map_or(Kinds::ALL, |(_, child)| shape.nodes[*child].kinds);
                self.problems.push(Problem::MissingKey {
                    path: self.path(None),
                    key: key.clone(),
                    expected,
                    table_span: span.clone(),
                });
            }
        }
    }

    fn bounds(&mut self, node: &Node, value: f64, at: At<'a>, span: Range<usize>) {
        // Written so that NaN is outside every bound.
        let above_min = node.min.is_none_or(|b| {
            if b.exclusive {
                value > b.value
            } else {
                value >= b.value
            }
        });
        let below_max = node.max.is_none_or(|b| {
            if b.exclusive {
                value < b.value
            } else {
                value <= b.value
            }
        });
        if !(above_min && below_max) {
            self.problems.push(Problem::OutOfRange {
                path: self.path(Some(at)),
                value,
                min: node.min,
                max: node.max,
                span,
            });
        }
    }

    fn too_large(&mut self, text: &str, integer: bool, at: At<'a>, span: Range<usize>) {
        self.problems.push(Problem::TooLarge {
            path: self.path(Some(at)),
            text: shorten(text, MAX_SHOWN_CHARS).into_owned(),
            integer,
            span,
        });
    }

    /// The steps from the top of the document to the table or list open last, then `last`.
    fn path(&self, last: Option<At<'_>>) -> Vec<Step> {
        self.open
            .iter()
            .filter_map(|o| o.at)
            .chain(last)
            .map(owned)
            .collect()
    }
}

fn owned(at: At<'_>) -> Step {
    match at {
        At::Key(k) => Step::Key(k.to_owned()),
        At::Index(i) => Step::Index(i),
    }
}

fn kind_of(value: &DeValue<'_>) -> Kinds {
    match value {
        DeValue::String(_) => Kinds::STRING,
        DeValue::Integer(_) => Kinds::INTEGER,
        DeValue::Float(_) => Kinds::FLOAT,
        DeValue::Boolean(_) => Kinds::BOOLEAN,
        DeValue::Datetime(_) => Kinds::DATETIME,
        DeValue::Array(_) => Kinds::ARRAY,
        DeValue::Table(_) => Kinds::TABLE,
    }
}

fn found(value: &DeValue<'_>) -> Found {
    let short = |s: &str| shorten(s, MAX_SHOWN_CHARS).into_owned();
    match value {
        DeValue::String(s) => Found::String(short(s)),
        DeValue::Integer(i) => Found::Integer(short(&i.to_string())),
        DeValue::Float(f) => Found::Float(short(f.as_str())),
        DeValue::Boolean(b) => Found::Boolean(*b),
        DeValue::Datetime(d) if d.date.is_some() => Found::Date(d.to_string()),
        DeValue::Datetime(d) => Found::Time(d.to_string()),
        DeValue::Array(_) => Found::List,
        DeValue::Table(_) => Found::Table,
    }
}

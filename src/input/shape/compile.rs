//! A JSON Schema as schemars writes it, compiled into [`Node`]s: references resolved once,
//! `anyOf`/`oneOf` merged into one set of kinds and choices per place.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::node::{Additional, Node, NodeId, Shape};
use super::problem::{Bound, Kinds};

/// Deeper than this, a schema is taken as "anything" (the schemas checked nest a few levels).
const MAX_DEPTH: usize = 64;

/// The keywords that constrain a value; the others (`description`, `default`, ...) only
/// describe it. A `$ref` with none of these beside it is its target.
const CONSTRAINTS: [&str; 14] = [
    "type",
    "enum",
    "const",
    "anyOf",
    "oneOf",
    "allOf",
    "properties",
    "additionalProperties",
    "required",
    "items",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
];

impl Shape {
    /// Compile a JSON Schema (draft 2020-12, as schemars writes it). What the check does not
    /// know (patterns, formats, remote references) accepts anything: the shape check never
    /// refuses what serde would read.
    #[must_use]
    pub fn from_schema(schema: &Value) -> Self {
        let mut compiler = Compiler {
            root: schema,
            nodes: Vec::new(),
            refs: HashMap::new(),
        };
        let root = compiler.compile(schema, 0);
        Shape {
            nodes: compiler.nodes,
            root,
        }
    }
}

struct Compiler<'s> {
    root: &'s Value,
    nodes: Vec<Node>,
    refs: HashMap<&'s str, NodeId>,
}

impl<'s> Compiler<'s> {
    fn compile(&mut self, schema: &'s Value, depth: usize) -> NodeId {
        if let Some(obj) = schema.as_object() {
            if let Some(target) = obj.get("$ref").and_then(Value::as_str) {
                if !obj.keys().any(|k| CONSTRAINTS.contains(&k.as_str())) {
                    return self.reference(target, depth);
                }
            }
        }
        let node = self.build(schema, depth);
        self.push(node)
    }

    fn push(&mut self, node: Node) -> NodeId {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    /// The node of a local reference (`#/$defs/Name`), built once. A type that contains
    /// itself reads "anything" at the inner place while it is being built.
    fn reference(&mut self, target: &'s str, depth: usize) -> NodeId {
        if let Some(&id) = self.refs.get(target) {
            return id;
        }
        let id = self.push(Node::any());
        self.refs.insert(target, id);
        if let Some(schema) = target.strip_prefix('#').and_then(|p| self.root.pointer(p)) {
            self.nodes[id] = self.build(schema, depth + 1);
        }
        id
    }

    fn build(&mut self, schema: &'s Value, depth: usize) -> Node {
        let Some(obj) = schema.as_object() else {
            return if schema.as_bool() == Some(false) {
                never()
            } else {
                Node::any()
            };
        };
        if depth > MAX_DEPTH {
            return Node::any();
        }
        let mut node = match obj.get("$ref").and_then(Value::as_str) {
            Some(target) => {
                let id = self.reference(target, depth);
                self.nodes[id].clone()
            }
            None => Node::any(),
        };
        if let Some(t) = obj.get("type") {
            // A TOML date is a string of format `date` to a JSON Schema (as editors read it).
            let kinds = if obj.get("format").and_then(Value::as_str) == Some("date") {
                Kinds::DATETIME
            } else {
                kinds_of_type(t)
            };
            node.kinds = node.kinds.intersection(kinds);
        }
        let listed = match (obj.get("enum"), obj.get("const")) {
            (Some(Value::Array(values)), _) => Some(values.as_slice()),
            (_, Some(value)) => Some(std::slice::from_ref(value)),
            _ => None,
        };
        if let Some(values) = listed {
            restrict_to(&mut node, values);
        }
        for keyword in ["anyOf", "oneOf"] {
            if let Some(Value::Array(alternatives)) = obj.get(keyword) {
                let mut union = never();
                for alternative in alternatives {
                    let alternative = self.build(alternative, depth + 1);
                    union = either(union, alternative);
                }
                node = both(node, union);
            }
        }
        if let Some(Value::Array(all)) = obj.get("allOf") {
            for schema in all {
                let part = self.build(schema, depth + 1);
                node = both(node, part);
            }
        }
        self.table(obj, &mut node, depth);
        if let Some(items) = obj.get("items") {
            node.items = Some(self.compile(items, depth + 1));
        }
        node.min = [
            node.min,
            bound(obj, "minimum", false),
            bound(obj, "exclusiveMinimum", true),
        ]
        .into_iter()
        .flatten()
        .max_by(|a, b| {
            a.value
                .total_cmp(&b.value)
                .then(a.exclusive.cmp(&b.exclusive))
        });
        node.max = [
            node.max,
            bound(obj, "maximum", false),
            bound(obj, "exclusiveMaximum", true),
        ]
        .into_iter()
        .flatten()
        .min_by(|a, b| {
            a.value
                .total_cmp(&b.value)
                .then(b.exclusive.cmp(&a.exclusive))
        });
        node
    }

    /// `properties`, `additionalProperties` and `required`.
    fn table(&mut self, obj: &'s Map<String, Value>, node: &mut Node, depth: usize) {
        if let Some(Value::Object(properties)) = obj.get("properties") {
            for (key, schema) in properties {
                let id = self.compile(schema, depth + 1);
                node.properties.retain(|(k, _)| k != key);
                node.properties.push((key.clone(), id));
            }
        }
        match obj.get("additionalProperties") {
            Some(Value::Bool(false)) => node.additional = Additional::Deny,
            Some(schema @ Value::Object(_)) => {
                node.additional = Additional::Node(self.compile(schema, depth + 1));
            }
            _ => {}
        }
        if let Some(Value::Array(required)) = obj.get("required") {
            for key in required.iter().filter_map(Value::as_str) {
                if !node.required.iter().any(|r| r == key) {
                    node.required.push(key.to_owned());
                }
            }
        }
    }
}

/// Nothing fits (the schema `false`, or `{"type": "null"}` in TOML, which has no null).
fn never() -> Node {
    Node {
        kinds: Kinds::NONE,
        ..Node::any()
    }
}

fn kinds_of_type(t: &Value) -> Kinds {
    match t {
        Value::String(name) => match name.as_str() {
            "string" => Kinds::STRING,
            "integer" => Kinds::INTEGER,
            "number" => Kinds::NUMBER,
            "boolean" => Kinds::BOOLEAN,
            "array" => Kinds::ARRAY,
            "object" => Kinds::TABLE,
            "null" => Kinds::NONE,
            _ => Kinds::ALL,
        },
        Value::Array(names) => names
            .iter()
            .fold(Kinds::NONE, |k, name| k.union(kinds_of_type(name))),
        _ => Kinds::ALL,
    }
}

/// `enum`/`const`: only these values. Strings are checked one by one; other values only by
/// their kind.
fn restrict_to(node: &mut Node, values: &[Value]) {
    let kinds = values.iter().fold(Kinds::NONE, |k, v| {
        k.union(match v {
            Value::String(_) => Kinds::STRING,
            Value::Number(_) => Kinds::NUMBER,
            Value::Bool(_) => Kinds::BOOLEAN,
            Value::Array(_) => Kinds::ARRAY,
            Value::Object(_) => Kinds::TABLE,
            Value::Null => Kinds::NONE,
        })
    });
    node.kinds = node.kinds.intersection(kinds);
    let strings: Vec<String> = values
        .iter()
        .filter_map(Value::as_str)
        .filter(|s| {
            node.choices
                .as_ref()
                .is_none_or(|c| c.iter().any(|x| x == s))
        })
        .map(str::to_owned)
        .collect();
    node.choices = Some(strings);
}

fn bound(obj: &Map<String, Value>, key: &str, exclusive: bool) -> Option<Bound> {
    obj.get(key)
        .and_then(Value::as_f64)
        .map(|value| Bound { value, exclusive })
}

/// `anyOf`: what fits either. The constraints of a kind come from the alternatives that
/// allow that kind; where two do, the looser wins.
fn either(a: Node, b: Node) -> Node {
    let has = |n: &Node, k: Kinds| n.kinds.intersects(k);
    let mut out = Node::any();
    out.kinds = a.kinds.union(b.kinds);
    out.choices = match (has(&a, Kinds::STRING), has(&b, Kinds::STRING)) {
        (true, true) => match (a.choices.clone(), b.choices.clone()) {
            (Some(mut x), Some(y)) => {
                for s in y {
                    if !x.contains(&s) {
                        x.push(s);
                    }
                }
                Some(x)
            }
            _ => None,
        },
        (true, false) => a.choices.clone(),
        (false, true) => b.choices.clone(),
        (false, false) => None,
    };
    (out.min, out.max) = match (has(&a, Kinds::NUMBER), has(&b, Kinds::NUMBER)) {
        (true, false) => (a.min, a.max),
        (false, true) => (b.min, b.max),
        _ if a.min == b.min && a.max == b.max => (a.min, a.max),
        _ => (None, None),
    };
    out.items = match (has(&a, Kinds::ARRAY), has(&b, Kinds::ARRAY)) {
        (true, false) => a.items,
        (false, true) => b.items,
        _ if a.items == b.items => a.items,
        _ => None,
    };
    match (has(&a, Kinds::TABLE), has(&b, Kinds::TABLE)) {
        (true, false) => take_table(&mut out, a),
        (false, true) => take_table(&mut out, b),
        (true, true) => {
            let additional = match (a.additional, b.additional) {
                (Additional::Any, _) | (_, Additional::Any) => Additional::Any,
                (Additional::Node(n), _) | (_, Additional::Node(n)) => Additional::Node(n),
                (Additional::Deny, Additional::Deny) => Additional::Deny,
            };
            let required = a
                .required
                .iter()
                .filter(|r| b.required.contains(r))
                .cloned()
                .collect();
            take_table(&mut out, a);
            for (key, id) in b.properties {
                if !out.properties.iter().any(|(k, _)| *k == key) {
                    out.properties.push((key, id));
                }
            }
            out.additional = additional;
            out.required = required;
        }
        (false, false) => {}
    }
    out
}

fn take_table(out: &mut Node, from: Node) {
    out.properties = from.properties;
    out.additional = from.additional;
    out.required = from.required;
}

/// `allOf` (and a schema's own keywords on top of its `$ref` or `anyOf`): what fits both.
fn both(a: Node, b: Node) -> Node {
    let choices = match (a.choices, b.choices) {
        (Some(x), Some(y)) => Some(x.into_iter().filter(|s| y.contains(s)).collect()),
        (x, y) => x.or(y),
    };
    let mut properties = a.properties;
    for (key, id) in b.properties {
        if !properties.iter().any(|(k, _)| *k == key) {
            properties.push((key, id));
        }
    }
    let mut required = a.required;
    for key in b.required {
        if !required.contains(&key) {
            required.push(key);
        }
    }
    Node {
        kinds: a.kinds.intersection(b.kinds),
        choices,
        min: b.min.or(a.min),
        max: b.max.or(a.max),
        items: b.items.or(a.items),
        properties,
        additional: match (a.additional, b.additional) {
            (Additional::Deny, _) | (_, Additional::Deny) => Additional::Deny,
            (_, Additional::Node(n)) | (Additional::Node(n), _) => Additional::Node(n),
            (Additional::Any, Additional::Any) => Additional::Any,
        },
        required,
    }
}

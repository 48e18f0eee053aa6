//! What the shape check reports: typed problems, each with the way to its place in the
//! document and its span, and the vocabulary they use (kinds of values, bounds).

use std::ops::Range;

/// A numeric bound of the schema.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    pub value: f64,
    /// `exclusiveMinimum`/`exclusiveMaximum`: the bound itself is out.
    pub exclusive: bool,
}

/// A set of TOML value kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Kinds(u8);

impl Kinds {
    pub const STRING: Kinds = Kinds(1);
    pub const INTEGER: Kinds = Kinds(1 << 1);
    pub const FLOAT: Kinds = Kinds(1 << 2);
    pub const BOOLEAN: Kinds = Kinds(1 << 3);
    pub const DATETIME: Kinds = Kinds(1 << 4);
    pub const ARRAY: Kinds = Kinds(1 << 5);
    pub const TABLE: Kinds = Kinds(1 << 6);
    pub const NUMBER: Kinds = Kinds(Self::INTEGER.0 | Self::FLOAT.0);
    pub const NONE: Kinds = Kinds(0);
    pub const ALL: Kinds = Kinds(0x7f);

    #[must_use]
    pub fn contains(self, other: Kinds) -> bool {
        self.0 & other.0 == other.0
    }

    #[must_use]
    pub fn intersects(self, other: Kinds) -> bool {
        self.0 & other.0 != 0
    }

    #[must_use]
    pub fn union(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }

    #[must_use]
    pub fn intersection(self, other: Kinds) -> Kinds {
        Kinds(self.0 & other.0)
    }
}

/// One step of the way from the top of the document to a value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// What a value turned out to be, for "found ...": short, whatever the value's size.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// The string, cut short.
    String(String),
    /// As written (with its radix prefix), cut short.
    Integer(String),
    Float(String),
    Boolean(bool),
    /// A date or date-time, as written.
    Date(String),
    /// A local time, as written.
    Time(String),
    List,
    Table,
}

/// One way a document does not fit its schema. `path` leads from the top of the document to
/// the value concerned; for [`Problem::UnknownKey`] and [`Problem::MissingKey`], to the table
/// (the key is beside it).
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A key the table does not have; `expected` are the keys it has.
    UnknownKey {
        path: Vec<Step>,
        key: String,
        span: Range<usize>,
        expected: Vec<String>,
    },
    /// A value of the wrong kind; `items` is what a list's items must be.
    WrongType {
        path: Vec<Step>,
        expected: Kinds,
        items: Option<Kinds>,
        found: Found,
        span: Range<usize>,
    },
    /// A string that is not one of the values allowed.
    UnknownValue {
        path: Vec<Step>,
        value: String,
        choices: Vec<String>,
        span: Range<usize>,
    },
    /// A required key the table lacks; `expected` is what its value must be.
    MissingKey {
        path: Vec<Step>,
        key: String,
        expected: Kinds,
        table_span: Range<usize>,
    },
    /// A number past a bound of the schema (NaN is past every bound).
    OutOfRange {
        path: Vec<Step>,
        value: f64,
        min: Option<Bound>,
        max: Option<Bound>,
        span: Range<usize>,
    },
    /// A number too large to read at all (an integer past 128 bits, a float past `f64`);
    /// `text` is as written, cut short.
    TooLarge {
        path: Vec<Step>,
        text: String,
        integer: bool,
        span: Range<usize>,
    },
}

impl Problem {
    /// Where the problem is.
    #[must_use]
    pub fn span(&self) -> Range<usize> {
        match self {
            Problem::UnknownKey { span, .. }
            | Problem::WrongType { span, .. }
            | Problem::UnknownValue { span, .. }
            | Problem::OutOfRange { span, .. }
            | Problem::TooLarge { span, .. } => span.clone(),
            Problem::MissingKey { table_span, .. } => table_span.clone(),
        }
    }

    /// The way to the value concerned.
    #[must_use]
    pub fn path(&self) -> &[Step] {
        match self {
            Problem::UnknownKey { path, .. }
            | Problem::WrongType { path, .. }
            | Problem::UnknownValue { path, .. }
            | Problem::MissingKey { path, .. }
            | Problem::OutOfRange { path, .. }
            | Problem::TooLarge { path, .. } => path,
        }
    }

    /// True when the path is `pattern`, where `*` stands for any one key or index:
    /// `["people", "*", "fte"]`.
    #[must_use]
    pub fn is_at(&self, pattern: &[&str]) -> bool {
        let path = self.path();
        path.len() == pattern.len()
            && path.iter().zip(pattern).all(|(step, want)| match step {
                _ if *want == "*" => true,
                Step::Key(k) => k == want,
                Step::Index(_) => false,
            })
    }
}

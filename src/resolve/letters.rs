//! A set of RACI letters in one byte.

use std::fmt;

/// A set of RACI letters, as bits of one byte: a 100k-person team's matrix is one byte per
/// person per activity (79 MB rather than the gigabytes of a set per cell).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Letters(u8);

impl Letters {
    pub const NONE: Letters = Letters(0);
    pub const A: Letters = Letters(1);
    pub const R: Letters = Letters(2);
    pub const C: Letters = Letters(4);
    pub const I: Letters = Letters(8);

    #[must_use]
    pub fn has(self, other: Letters) -> bool {
        self.0 & other.0 != 0
    }

    #[must_use]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn add(&mut self, other: Letters) {
        self.0 |= other.0;
        // The strongest letters win: doing the work (A, R) includes knowing about it.
        if self.has(Letters(3)) {
            self.0 &= 3;
        } else if self.has(Letters::C) {
            self.0 &= !Letters::I.0;
        }
    }

    /// Whether the person does the work or answers for it.
    #[must_use]
    pub fn is_ra(self) -> bool {
        self.has(Letters(3))
    }

    fn letters(self) -> impl Iterator<Item = char> {
        [
            (Letters::A, 'A'),
            (Letters::R, 'R'),
            (Letters::C, 'C'),
            (Letters::I, 'I'),
        ]
        .into_iter()
        .filter(move |(l, _)| self.has(*l))
        .map(|(_, c)| c)
    }

    /// `AR`, as in the JSON output.
    #[must_use]
    pub fn compact(self) -> String {
        self.letters().collect()
    }
}

impl serde::Serialize for Letters {
    /// `AR`, as in the JSON output; empty for none.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{}", self.compact()))
    }
}

impl fmt::Display for Letters {
    /// `A/R`, as in tables.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.letters().enumerate() {
            if i > 0 {
                f.write_str("/")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

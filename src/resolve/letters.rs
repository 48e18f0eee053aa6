//! A set of RACI letters in one byte.

use std::fmt;

/// A set of RACI letters, as four bits of one byte (a matrix keeps them two to a byte, see
/// [`LetterRow`]: 4 MB for a 100k-person org, rather than the gigabytes of a set per cell).
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

/// The letters of one activity for each of many people (or roles), two to a byte: a
/// 100k-person org's matrix is half a byte per person per activity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LetterRow {
    cells: Vec<u8>,
    len: usize,
}

impl LetterRow {
    /// `len` empty cells.
    #[must_use]
    pub fn new(len: usize) -> Self {
        Self {
            cells: vec![0; len.div_ceil(2)],
            len,
        }
    }

    /// The letters at `i` (none past the end).
    #[must_use]
    pub fn get(&self, i: usize) -> Letters {
        let byte = self.cells.get(i / 2).copied().unwrap_or(0);
        Letters(if i % 2 == 0 { byte & 0x0F } else { byte >> 4 })
    }

    /// Add `letters` at `i` (the strongest win, as in [`Letters::add`]); past the end,
    /// nothing.
    pub fn add(&mut self, i: usize, letters: Letters) {
        let mut cell = self.get(i);
        cell.add(letters);
        if let Some(byte) = self.cells.get_mut(i / 2) {
            *byte = if i % 2 == 0 {
                (*byte & 0xF0) | cell.0
            } else {
                (*byte & 0x0F) | (cell.0 << 4)
            };
        }
    }

    /// How many cells.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no cells.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every cell, in order.
    pub fn iter(&self) -> impl Iterator<Item = Letters> + '_ {
        (0..self.len).map(|i| self.get(i))
    }
}

#[cfg(test)]
mod row_tests {
    use super::{LetterRow, Letters};

    #[test]
    fn cells_side_by_side_keep_their_own_letters() {
        let mut row = LetterRow::new(5);
        row.add(0, Letters::A);
        row.add(1, Letters::C);
        row.add(1, Letters::I);
        row.add(4, Letters::R);
        row.add(9, Letters::A);
        let letters: Vec<String> = row.iter().map(Letters::compact).collect();
        assert_eq!(letters, ["A", "C", "", "", "R"]);
        assert_eq!(row.get(9), Letters::NONE);
        row.add(0, Letters::R);
        assert_eq!(
            (row.get(0).compact(), row.get(1).compact()),
            ("AR".into(), "C".into())
        );
    }
}

//! Where each line of a file starts: the index that turns a byte offset into a line.

/// Where each line of a text starts, built once a position in it is asked for: every
/// file with a finding keeps one, so offsets are 32-bit in any file under 4 GiB (all a
/// default `--max-file-size` lets in).
#[derive(Debug, Clone)]
pub(super) enum LineStarts {
    Short(Vec<u32>),
    Long(Vec<usize>),
}

impl LineStarts {
    pub(super) fn of(text: &str) -> Self {
        // Counted first: the index is kept to the end, with no room to spare.
        let newlines = || memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1);
        let count = newlines().count() + 1;
        if u32::try_from(text.len()).is_ok() {
            let mut starts = Vec::with_capacity(count);
            starts.push(0);
            starts.extend(newlines().map(|i| u32::try_from(i).unwrap_or(u32::MAX)));
            Self::Short(starts)
        } else {
            let mut starts = Vec::with_capacity(count);
            starts.push(0);
            starts.extend(newlines());
            Self::Long(starts)
        }
    }

    /// The index of the line holding byte `offset` (the first line starts at 0, so there is
    /// always one).
    pub(super) fn line_of(&self, offset: usize) -> usize {
        let after = match self {
            Self::Short(starts) => starts.partition_point(|&s| s as usize <= offset),
            Self::Long(starts) => starts.partition_point(|&s| s <= offset),
        };
        after.saturating_sub(1)
    }

    /// Where line `index` starts.
    pub(super) fn get(&self, index: usize) -> Option<usize> {
        match self {
            Self::Short(starts) => starts.get(index).map(|&s| s as usize),
            Self::Long(starts) => starts.get(index).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_kinds_of_line_index_place_every_offset_alike() {
        let text = "a\nbc\n\r\nlast line\n";
        let short = super::LineStarts::of(text);
        assert!(matches!(short, super::LineStarts::Short(_)));
        let long = super::LineStarts::Long(vec![0, 2, 5, 7, 17]);
        for offset in 0..=text.len() + 3 {
            assert_eq!(short.line_of(offset), long.line_of(offset), "at {offset}");
        }
        for line in 0..6 {
            assert_eq!(short.get(line), long.get(line), "line {line}");
        }
        assert_eq!(
            (short.line_of(0), short.line_of(2), short.line_of(100)),
            (0, 1, 4)
        );
    }
}

//! Source text of a loaded file and the one place byte offsets become line:column.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A file's text plus the index needed to turn byte offsets into positions.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it (or `builtin:ID` for an embedded catalog).
    pub path: PathBuf,
    pub text: String,
    /// Where each line starts, built on first use: most files of an org have no finding and
    /// never need it.
    line_starts: OnceLock<LineStarts>,
    /// Characters before each block of [`BLOCK`] bytes, built the first time a position
    /// falls far into a long line: a column is then found in time bounded by the block, not
    /// by the line (a million findings on one 10 MB line stay linear).
    char_blocks: OnceLock<Vec<usize>>,
}

/// Bytes per block of the character index.
const BLOCK: usize = 4096;

/// Characters in `bytes` (from any byte offset to any other): the bytes that do not
/// continue a UTF-8 sequence.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// Where each line of a text starts, built once a position in it is asked for: every
/// file with a finding keeps one, so offsets are 32-bit in any file under 4 GiB (all a
/// default `--max-file-size` lets in).
#[derive(Debug, Clone)]
enum LineStarts {
    Short(Vec<u32>),
    Long(Vec<usize>),
}

impl LineStarts {
    fn of(text: &str) -> Self {
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
    fn line_of(&self, offset: usize) -> usize {
        let after = match self {
            Self::Short(starts) => starts.partition_point(|&s| s as usize <= offset),
            Self::Long(starts) => starts.partition_point(|&s| s <= offset),
        };
        after.saturating_sub(1)
    }

    /// Where line `index` starts.
    fn get(&self, index: usize) -> Option<usize> {
        match self {
            Self::Short(starts) => starts.get(index).map(|&s| s as usize),
            Self::Long(starts) => starts.get(index).copied(),
        }
    }
}

/// A 1-based line and column (column counted in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    #[must_use]
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        Self {
            path: path.into(),
            text,
            line_starts: OnceLock::new(),
            char_blocks: OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &LineStarts {
        self.line_starts.get_or_init(|| LineStarts::of(&self.text))
    }

    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The position of a byte offset; offsets past the end clamp to the end.
    #[must_use]
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line_starts = self.line_starts();
        let line_index = line_starts.line_of(offset);
        let line_start = line_starts.get(line_index).unwrap_or(0);
        let bytes = self.text.as_bytes();
        let column = if offset - line_start <= BLOCK {
            chars_in(&bytes[line_start..offset])
        } else {
            self.chars_before(offset) - self.chars_before(line_start)
        } + 1;
        Position {
            line: line_index + 1,
            column,
        }
    }

    /// Characters before a byte offset, from the block index.
    fn chars_before(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        let blocks = self.char_blocks.get_or_init(|| {
            let mut total = 0;
            std::iter::once(0)
                .chain(bytes.chunks(BLOCK).map(|chunk| {
                    total += chars_in(chunk);
                    total
                }))
                .collect()
        });
        let block = offset / BLOCK;
        blocks[block] + chars_in(&bytes[block * BLOCK..offset])
    }

    /// `span` widened to whole characters, and to at least one character where the text has
    /// one: parsers report some errors as an empty span before a character, and a
    /// renderer underlining "one byte" there would cut a multi-byte character in half.
    #[must_use]
    pub fn char_span(&self, span: &Range<usize>) -> Range<usize> {
        let len = self.text.len();
        let mut start = span.start.min(len);
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = span.end.clamp(start, len);
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        if end == start {
            end = self
                .text
                .get(start..)
                .unwrap_or_default()
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8());
        }
        start..end
    }

    /// The byte range of the whole lines that `span` touches, without the line ending
    /// (`\n` or `\r\n`).
    #[must_use]
    pub fn line_range(&self, span: &Range<usize>) -> Range<usize> {
        let start = span.start.min(self.text.len());
        let end = span.end.clamp(start, self.text.len());
        let line_starts = self.line_starts();
        let first = line_starts.line_of(start);
        let last = line_starts.line_of(end.saturating_sub(1).max(start));
        let from = line_starts.get(first).unwrap_or(0);
        let to = line_starts
            .get(last + 1)
            .map_or(self.text.len(), |s| s.saturating_sub(1));
        // A CRLF file's lines end in `\r`, which is no part of the line's text.
        let to = if to > from && self.text.as_bytes().get(to - 1) == Some(&b'\r') {
            to - 1
        } else {
            to
        };
        from..to.max(from)
    }
}

/// Cut `text` in the middle to at most `max_chars` characters (plus an ellipsis), so a
/// message quoting a huge value stays short while keeping both ends readable.
#[must_use]
pub fn shorten(text: &str, max_chars: usize) -> std::borrow::Cow<'_, str> {
    // Cheap test first: a text of at most `max_chars` bytes has at most that many chars.
    if text.len() <= max_chars || text.chars().count() <= max_chars {
        return std::borrow::Cow::Borrowed(text);
    }
    let head = max_chars * 2 / 3;
    let tail = max_chars - head;
    let head_end = text.char_indices().nth(head).map_or(text.len(), |(i, _)| i);
    let tail_start = text
        .char_indices()
        .rev()
        .nth(tail.saturating_sub(1))
        .map_or(head_end, |(i, _)| i.max(head_end));
    let (Some(start), Some(end)) = (text.get(..head_end), text.get(tail_start..)) else {
        return std::borrow::Cow::Borrowed(text);
    };
    let cut = text.chars().count() - head - tail;
    std::borrow::Cow::Owned(format!("{start}…[{cut} characters]…{end}"))
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
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let f = SourceFile::new("t.toml", "a = 1\nné = 2\n".to_owned());
        assert_eq!(f.position(0), Position { line: 1, column: 1 });
        assert_eq!(f.position(6), Position { line: 2, column: 1 });
        // "né" is 3 bytes but 2 characters; the '=' after it is the 4th character.
        assert_eq!(f.position(10), Position { line: 2, column: 4 });
        assert_eq!(f.position(999), Position { line: 3, column: 1 });
    }

    #[test]
    fn line_range_covers_whole_lines() {
        let f = SourceFile::new("t.toml", "one\ntwo\nthree".to_owned());
        assert_eq!(&f.text[f.line_range(&(5..6))], "two");
        assert_eq!(&f.text[f.line_range(&(1..6))], "one\ntwo");
        assert_eq!(&f.text[f.line_range(&(9..13))], "three");
    }

    #[test]
    fn char_spans_cover_whole_characters() {
        let f = SourceFile::new("t.toml", "a = \"\u{202e}é\"".to_owned());
        // Empty before a 3-byte character: the character.
        assert_eq!(f.char_span(&(5..5)), 5..8);
        // Ends inside a character: to its end; starts inside one: from its start.
        assert_eq!(f.char_span(&(5..6)), 5..8);
        assert_eq!(f.char_span(&(9..9)), 8..10);
        // At or past the end: empty, at the end.
        assert_eq!(f.char_span(&(11..11)), 11..11);
        assert_eq!(f.char_span(&(50..60)), 11..11);
    }

    #[test]
    fn line_range_leaves_out_crlf() {
        let f = SourceFile::new("t.toml", "one\r\ntwo\r\n".to_owned());
        assert_eq!(&f.text[f.line_range(&(0..1))], "one");
        assert_eq!(&f.text[f.line_range(&(5..6))], "two");
        assert_eq!(f.position(5), Position { line: 2, column: 1 });
    }

    #[test]
    fn shortening_keeps_both_ends() {
        assert_eq!(shorten("short", 10), "short");
        let long = format!("head{}tail", "x".repeat(1000));
        let short = shorten(&long, 30);
        assert!(
            short.starts_with("headxx") && short.ends_with("xxtail"),
            "{short}"
        );
        assert!(short.chars().count() < 60, "{short}");
        // Multi-byte characters are never split.
        let wide = "é".repeat(500);
        assert!(shorten(&wide, 9).starts_with("éééééé…"));
    }

    #[test]
    fn columns_on_a_long_line_count_characters_through_the_block_index() {
        let line: String = (0..300_000)
            .map(|i| if i % 7 == 0 { 'é' } else { 'x' })
            .collect();
        let text = format!("first\n{line}\nlast");
        let f = SourceFile::new("t.toml", text.clone());
        for offset in [6, 7, 4100, 4103, 100_000, 300_001, text.len() - 5] {
            let mut offset = offset;
            while !text.is_char_boundary(offset) {
                offset -= 1;
            }
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let expected = text[start..offset].chars().count() + 1;
            let at = f.position(offset);
            assert_eq!(at.column, expected, "offset {offset}");
        }
        assert_eq!(f.position(text.len() - 1).line, 3);
    }
}

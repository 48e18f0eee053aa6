//! Source text of a loaded file and the one place byte offsets become line:column.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::line_starts::LineStarts;

/// A file's text plus the index needed to turn byte offsets into positions.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it (or `builtin:ID` for an embedded catalog).
    pub path: PathBuf,
    /// Empty once [released](Self::release).
    pub text: String,
    /// Set when the text was let go: what is needed to read it again and know it is the
    /// same.
    released: Option<Released>,
    /// Where each line starts, built on first use: most files of an org have no finding and
    /// never need it.
    line_starts: OnceLock<LineStarts>,
    /// Characters before each block of [`BLOCK`] bytes, built the first time a position
    /// falls far into a long line: a column is then found in time bounded by the block, not
    /// by the line (a million findings on one 10 MB line stay linear).
    char_blocks: OnceLock<Vec<usize>>,
}

/// What is kept of a file whose text was let go (a unit of a big org, until a finding
/// points into it): its length and a hash of its text, and the bound to read it again with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Released {
    pub len: usize,
    pub hash: u64,
    pub max_size: u64,
}

/// The first line a finding points at, kept with the finding so that showing it needs no
/// file text: the line as written (at most [`MAX_EXCERPT_BYTES`]), its number, and the
/// finding's bytes in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub text: Box<str>,
    pub line: usize,
    pub span: Range<usize>,
}

/// The longest line kept as an excerpt: a longer one is not echoed.
pub const MAX_EXCERPT_BYTES: usize = 400;

/// A hash of a file's text, the same for the same text within one run.
#[must_use]
pub fn fingerprint(text: &str) -> u64 {
    use std::hash::BuildHasher as _;
    foldhash::fast::FixedState::with_seed(0x7ea3_91a4).hash_one(text)
}

/// Bytes per block of the character index.
const BLOCK: usize = 4096;

/// Characters in `bytes` (from any byte offset to any other): the bytes that do not
/// continue a UTF-8 sequence.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
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
            released: None,
            line_starts: OnceLock::new(),
            char_blocks: OnceLock::new(),
        }
    }

    /// This file without its text, to be read again (within `max_size`) only if a finding
    /// comes to point into it.
    #[must_use]
    pub fn release(&self, max_size: u64) -> Self {
        Self {
            path: self.path.clone(),
            text: String::new(),
            released: Some(Released {
                len: self.text.len(),
                hash: fingerprint(&self.text),
                max_size,
            }),
            line_starts: OnceLock::new(),
            char_blocks: OnceLock::new(),
        }
    }

    /// Set when the text was let go.
    #[must_use]
    pub fn released(&self) -> Option<Released> {
        self.released
    }

    /// Whether `text` is this file's text as it was first read.
    #[must_use]
    pub fn is_text_of(&self, text: &str) -> bool {
        match self.released {
            Some(r) => r.len == text.len() && r.hash == fingerprint(text),
            None => self.text == text,
        }
    }

    /// The length of the text, released or not.
    #[must_use]
    pub fn len(&self) -> usize {
        self.released.map_or(self.text.len(), |r| r.len)
    }

    /// Whether the text is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The first line of `span`, as a finding keeps it; None past [`MAX_EXCERPT_BYTES`] or
    /// in a released file.
    #[must_use]
    pub fn excerpt(&self, span: &Range<usize>) -> Option<Excerpt> {
        if self.released.is_some() {
            return None;
        }
        // Whole characters: a byte range cutting a character in half panics a renderer.
        let span = self.char_span(span);
        let first_line = self.line_range(&(span.start..span.start));
        if first_line.len() > MAX_EXCERPT_BYTES {
            return None;
        }
        let text = self.text.get(first_line.clone())?;
        let start = span.start.saturating_sub(first_line.start).min(text.len());
        let end = span
            .end
            .min(first_line.end)
            .saturating_sub(first_line.start)
            .max(start);
        let end = if end == start {
            text.get(start..)
                .and_then(|rest| rest.chars().next())
                .map_or(start, |c| start + c.len_utf8())
        } else {
            end
        };
        Some(Excerpt {
            text: text.into(),
            line: self.position(first_line.start).line,
            span: start..end,
        })
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

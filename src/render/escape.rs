//! The one escaper for each output context. Every renderer writes user text (names, ids,
//! file paths, messages quoting them) through the function for its context, so a name can
//! never become markup, a command or a terminal escape there.

use std::fmt::Write as _;

// ---- terminal -------------------------------------------------------------------------

/// Replace characters that would disturb a terminal (control characters, ANSI escapes,
/// bidirectional overrides) with visible stand-ins of the same UTF-8 length, so byte spans
/// into the text stay valid.
#[must_use]
pub fn terminal_same_len(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\t' {
            out.push(' ');
        } else if c.is_control() || is_bidi_control(c) {
            match c.len_utf8() {
                1 => out.push('?'),
                2 => out.push_str("??"),
                _ => {
                    out.push('\u{FFFD}');
                    for _ in 3..c.len_utf8() {
                        out.push('?');
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Escape characters that would disturb a terminal or a table, for names shown to a person.
#[must_use]
pub fn terminal(text: &str) -> std::borrow::Cow<'_, str> {
    escape_controls(text, true)
}

/// Like [`terminal`], but line breaks (`\n`, `\r`) are left for a format with its
/// own encoding of them (GitHub workflow commands write `%0A`).
#[must_use]
pub fn terminal_keep_lines(text: &str) -> std::borrow::Cow<'_, str> {
    escape_controls(text, false)
}

fn escape_controls(text: &str, lines: bool) -> std::borrow::Cow<'_, str> {
    let escaped =
        |c: char| (c.is_control() && (lines || !matches!(c, '\n' | '\r'))) || is_bidi_control(c);
    if !text.chars().any(escaped) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !escaped(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

// ---- JSON ---------------------------------------------------------------------------

/// Escape, in JSON text, the characters `serde_json` leaves raw but a terminal acts on: DEL,
/// C1 controls (U+0080..U+009F, e.g. the one-byte CSI) and bidirectional overrides. They can
/// only occur inside JSON strings (everything outside is ASCII), where `\uXXXX` means the
/// same character: the document still says exactly what the file said.
#[must_use]
pub fn json_invisibles(json: String) -> String {
    let needs = |c: char| c == '\u{7f}' || (c.is_control() && !c.is_ascii()) || is_bidi_control(c);
    if !json.chars().any(needs) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if needs(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

// ---- HTML -----------------------------------------------------------------------------

/// Escape text for HTML element content, with control characters made visible.
#[must_use]
pub fn html(text: &str) -> String {
    html_escape::encode_text(&terminal(text)).into_owned()
}

// ---- markdown -------------------------------------------------------------------------

/// Escape text for a GFM table cell: pipes, markup characters, HTML and line breaks.
#[must_use]
pub fn markdown(text: &str) -> String {
    let text = text.replace(['\r', '\n'], " ");
    let text = terminal(&text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

// ---- GitHub workflow commands ---------------------------------------------------------

/// Escape a workflow command's message as GitHub's runner expects.
#[must_use]
pub fn github_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a workflow command's property value (`file=`, `title=`): the message escapes plus
/// `:` and `,`.
#[must_use]
pub fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

// ---- Mermaid --------------------------------------------------------------------------

/// A Mermaid node id from any text: letters, digits and underscores only.
#[must_use]
pub fn mermaid_node(prefix: &str, id: &str) -> String {
    let clean: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("{prefix}_{clean}")
}

/// A Mermaid label inside `["..."]`: quotes and markup characters become entities.
#[must_use]
pub fn mermaid_label(text: &str) -> String {
    terminal(text)
        .replace('&', "#amp;")
        .replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
        .replace(['[', ']', '{', '}', '|'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizing_keeps_byte_length() {
        let hostile = "a\u{1b}[31mred\u{202e}x\u{85}";
        let clean = terminal_same_len(hostile);
        assert_eq!(clean.len(), hostile.len());
        assert!(!clean.contains('\u{1b}') && !clean.contains('\u{202e}'));
    }

    #[test]
    fn json_keeps_meaning_without_raw_invisibles() {
        let json = serde_json::to_string(&"a\u{1b}\u{9b}\u{202e}\u{7f}é").expect("json");
        let escaped = json_invisibles(json);
        assert_eq!(escaped, "\"a\\u001b\\u009b\\u202e\\u007fé\"");
        let back: String = serde_json::from_str(&escaped).expect("still json");
        assert_eq!(back, "a\u{1b}\u{9b}\u{202e}\u{7f}é");
    }

    #[test]
    fn display_escaping_makes_controls_visible() {
        assert_eq!(terminal("a\nb\u{1b}"), "a\\nb\\u{1b}");
        assert_eq!(terminal("plain"), "plain");
        assert_eq!(
            terminal_keep_lines("a\r\nb\u{1b}\u{202e}"),
            "a\r\nb\\u{1b}\\u{202e}"
        );
    }

    #[test]
    fn table_breaking_characters_are_escaped() {
        assert_eq!(markdown("a|b"), "a\\|b");
        assert_eq!(markdown("line\nbreak"), "line break");
        assert_eq!(markdown("<script>"), "&lt;script&gt;");
        // The visible escape's backslash is itself escaped, so GitHub shows `\u{1b}`.
        assert_eq!(markdown("x\u{1b}[31m"), "x\\\\u{1b}\\[31m");
    }

    #[test]
    fn github_escapes_follow_the_runner_rules() {
        assert_eq!(github_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(github_property("a,b:c%"), "a%2Cb%3Ac%25");
    }
}

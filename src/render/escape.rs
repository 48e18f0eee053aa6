//! The one escaper for each output context. Every renderer writes user text (names, ids,
//! file paths, messages quoting them) through the function for its context, so a name can
//! never become markup, a command or a terminal escape there.

use std::fmt::Write as _;

// ---- terminal -------------------------------------------------------------------------

/// Replace characters that would disturb a terminal (control characters, ANSI escapes,
/// bidirectional overrides) with visible stand-ins of the same UTF-8 length, so byte spans
/// into the text stay valid; the `#` before `[` of a legacy CI command (`##[`) becomes `?`.
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
    if out.contains("##[") {
        out = out.replace("##[", "#?[");
    }
    out
}

/// Escape characters that would disturb a terminal or a table, for names shown to a person.
#[must_use]
pub fn terminal(text: &str) -> std::borrow::Cow<'_, str> {
    escape_controls(text, true)
}

/// A path for a message on a terminal: [`terminal`] of its display form.
#[must_use]
pub fn path(path: &std::path::Path) -> String {
    terminal(&path.display().to_string()).into_owned()
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
        return not_a_ci_command(std::borrow::Cow::Borrowed(text));
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
    not_a_ci_command(std::borrow::Cow::Owned(out))
}

// ---- CI logs --------------------------------------------------------------------------

/// Whether `text` is safe to print as it is: no control character but line breaks and
/// tabs, no bidi override or C1 control, no line a CI runner reads as a command.
#[must_use]
pub fn is_inert(text: &str) -> bool {
    !text
        .chars()
        .any(|c| (c.is_control() && !matches!(c, '\n' | '\t')) || is_bidi_control(c))
        && !text.contains("##[")
        && !text.lines().any(|l| l.trim_start().starts_with("::"))
}

/// The GitHub Actions runner reads every line a step prints: a line that starts with `::`
/// (after spaces) is a workflow command, and so is `##[` anywhere in a line (the legacy
/// form). User text is made unable to be either: a leading `:` and the `#` before `[`
/// are written as visible escapes.
fn not_a_ci_command(text: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    let leading = text.trim_start().starts_with("::");
    if !leading && !text.contains("##[") {
        return text;
    }
    let mut out = text.replace("##[", "#\\u{23}[");
    if leading {
        let at = out.len() - out.trim_start().len();
        out.replace_range(at..=at, "\\u{3a}");
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
    // `##[` can only be inside a string too: `\u0023` keeps a log from reading a command.
    let json = if json.contains("##[") {
        json.replace("##[", "#\\u0023[")
    } else {
        json
    };
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

/// Escape text for a double-quoted HTML attribute value (`title="..."`): quotes too.
#[must_use]
pub fn html_attr(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(&terminal(text)).into_owned()
}

// ---- CSV ------------------------------------------------------------------------------

/// A CSV cell a spreadsheet shows as text, never runs: control characters made visible
/// (so no cell breaks a line of a CI log), and a cell that begins with `=`, `+`, `-`, `@`,
/// a tab or a carriage return prefixed with `'`, as OWASP recommends against formula
/// injection. RFC 4180 quoting is the CSV writer's.
#[must_use]
pub fn csv_cell(text: &str) -> String {
    let visible = terminal(text);
    if visible.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{visible}")
    } else {
        visible.into_owned()
    }
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

/// A Mermaid node id from any text: ASCII letters and digits stay, every other character
/// becomes `_` and its code point in hex and `_`, so distinct ids give distinct nodes
/// (`a-b`, `a.b` and `a_b` are `p_a_2d_b`, `p_a_2e_b` and `p_a_5f_b`).
#[must_use]
pub fn mermaid_node(prefix: &str, id: &str) -> String {
    let mut out = format!("{prefix}_");
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else {
            let _ = write!(out, "_{:x}_", u32::from(c));
        }
    }
    out
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
    fn html_attributes_keep_quotes_inside() {
        assert_eq!(
            html_attr("a\" onmouseover=\"x"),
            "a&quot; onmouseover=&quot;x"
        );
        assert_eq!(html("<b>\"q\""), "&lt;b&gt;\"q\"");
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        for formula in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            let cell = csv_cell(formula);
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{formula:?} -> {cell:?}"
            );
        }
        assert_eq!(csv_cell("=1+1"), "'=1+1");
        assert_eq!(csv_cell("Ana"), "Ana");
        assert_eq!(csv_cell("a\n::error::x"), "a\\n::error::x");
    }

    #[test]
    fn mermaid_nodes_of_distinct_ids_differ() {
        let ids = ["a-b", "a.b", "a_b", "ab", "é", "è", "a__b", "a_5f_b"];
        let nodes: std::collections::HashSet<String> =
            ids.iter().map(|id| mermaid_node("p", id)).collect();
        assert_eq!(nodes.len(), ids.len(), "{nodes:?}");
        assert!(
            nodes
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        );
    }

    #[test]
    fn user_text_never_reads_as_a_ci_command() {
        assert_eq!(terminal("::error::x"), "\\u{3a}:error::x");
        assert_eq!(terminal("  ::warning::x"), "  \\u{3a}:warning::x");
        assert_eq!(terminal("a ##[error]b"), "a #\\u{23}[error]b");
        assert_eq!(terminal("Team::Ops"), "Team::Ops");
        assert_eq!(terminal_same_len("x ##[error]"), "x #?[error]");
        let json = json_invisibles(serde_json::to_string("##[error]x").expect("json"));
        assert_eq!(json, "\"#\\u0023[error]x\"");
        assert_eq!(
            serde_json::from_str::<String>(&json).expect("still json"),
            "##[error]x"
        );
        for text in [
            "::error::a",
            "\n::error::b",
            "x\n  ::set-output::c",
            "##[group]d",
        ] {
            for shown in [
                terminal(text).into_owned(),
                markdown(text),
                csv_cell(text),
                html(text),
            ] {
                for line in shown.lines() {
                    assert!(
                        !line.trim_start().starts_with("::"),
                        "{text:?} -> {shown:?}"
                    );
                    assert!(!line.contains("##["), "{text:?} -> {shown:?}");
                }
            }
        }
    }

    #[test]
    fn github_escapes_follow_the_runner_rules() {
        assert_eq!(github_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(github_property("a,b:c%"), "a%2Cb%3Ac%25");
    }
}

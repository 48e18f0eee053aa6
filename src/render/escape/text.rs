//! Escapes for text shown as it is: the terminal (control characters, ANSI/OSC escapes and
//! bidi overrides made visible), CI logs (no workflow command), and JSON (invisible
//! characters as `\\u` escapes).

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
        } else if c.is_control() || is_invisible_control(c) {
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

/// A path as a word of a shell command to copy (quoted where the shell would split or
/// expand it), made safe for a terminal.
#[must_use]
pub fn shell_path(path: &std::path::Path) -> String {
    let text = path.display().to_string();
    let quoted =
        shlex::try_quote(&text).map_or_else(|_| text.clone(), std::borrow::Cow::into_owned);
    terminal(&quoted).into_owned()
}

/// Like [`terminal`], but line breaks (`\n`, `\r`) are left for a format with its
/// own encoding of them (GitHub workflow commands write `%0A`).
#[must_use]
pub fn terminal_keep_lines(text: &str) -> std::borrow::Cow<'_, str> {
    escape_controls(text, false)
}

fn escape_controls(text: &str, lines: bool) -> std::borrow::Cow<'_, str> {
    let escaped = |c: char| {
        (c.is_control() && (lines || !matches!(c, '\n' | '\r'))) || is_invisible_control(c)
    };
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
        .any(|c| (c.is_control() && !matches!(c, '\n' | '\t')) || is_invisible_control(c))
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

/// Characters that change how text reads without being seen: bidi controls, the
/// zero-width and line-separating ones (a zero-width space lets a wrapper break a line
/// anywhere, U+2028/U+2029 break lines in some viewers), and the two noncharacters XML
/// forbids (U+FFFE, U+FFFF: one would make an SVG of the report unreadable as XML).
fn is_invisible_control(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FFFE}'
            | '\u{FFFF}'
    )
}

/// Text wrapped after it was escaped: no line of it may start a workflow command, wherever
/// the wrapper broke it.
#[must_use]
pub fn no_line_a_ci_command(text: String) -> String {
    if !text.lines().any(|l| l.trim_start().starts_with("::")) {
        return text;
    }
    text.split('\n')
        .map(|line| not_a_ci_command(std::borrow::Cow::Borrowed(line)).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
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
    let needs =
        |c: char| c == '\u{7f}' || (c.is_control() && !c.is_ascii()) || is_invisible_control(c);
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

//! Escapes for text inside a markup or data format: HTML, CSV, markdown, GitHub workflow
//! commands, Mermaid. Each builds on [`terminal`], so controls are visible there too.

use std::fmt::Write as _;

use super::text::terminal;

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

/// A message for HTML whose `` `ids` `` read as code: `<code>` elements.
#[must_use]
pub fn html_message(text: &str) -> String {
    with_code_spans(text, html, |code| format!("<code>{}</code>", html(code)))
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

/// A message for a GFM table cell whose `` `ids` `` read as code: the text between
/// backticks becomes a code span (its content shown as it is, `|` escaped for the table),
/// the rest is escaped by [`markdown`].
#[must_use]
pub fn markdown_message(text: &str) -> String {
    with_code_spans(text, markdown, |code| {
        let code = terminal(&code.replace(['\r', '\n'], " ")).replace('|', "\\|");
        format!("`{code}`")
    })
}

/// Text between backticks (`` `id` ``) given to `code`, the rest to `plain`; an unpaired
/// backtick is plain text.
fn with_code_spans(
    text: &str,
    plain: impl Fn(&str) -> String,
    code: impl Fn(&str) -> String,
) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    let paired = parts.len() % 2 == 1;
    let mut out = String::with_capacity(text.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        if i % 2 == 1 && (paired || !last) {
            out.push_str(&code(part));
        } else {
            if i % 2 == 1 {
                out.push_str(&plain("`"));
            }
            out.push_str(&plain(part));
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

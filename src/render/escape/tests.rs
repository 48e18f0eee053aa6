use super::markup::*;
use super::text::*;

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
    // What XML forbids is made visible too: an SVG in the page stays well-formed.
    assert_eq!(html("a\u{ffff}&\u{fffe}"), "a\\u{ffff}&amp;\\u{fffe}");
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
fn ids_in_messages_read_as_code() {
    assert_eq!(
        markdown_message("Web Designer (`web-designer`) is | missing"),
        "Web Designer (`web-designer`) is \\| missing"
    );
    assert_eq!(markdown_message("`a|b` and `<c>`"), "`a\\|b` and `<c>`");
    assert_eq!(
        html_message("role `a<b>` here"),
        "role <code>a&lt;b&gt;</code> here"
    );
    // An unpaired backtick is text.
    assert_eq!(html_message("odd ` one"), "odd ` one");
    assert_eq!(markdown_message("odd ` one"), "odd \\` one");
}

#[test]
fn github_escapes_follow_the_runner_rules() {
    assert_eq!(github_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
    assert_eq!(github_property("a,b:c%"), "a%2Cb%3Ac%25");
}

#[test]
fn wrapped_text_has_no_line_that_starts_a_workflow_command() {
    let wrapped = "intro\n  ::error::x\n::warning::y\nkeep :: middle".to_owned();
    let guarded = no_line_a_ci_command(wrapped);
    for line in guarded.lines() {
        assert!(!line.trim_start().starts_with("::"), "{line}");
    }
    assert!(guarded.contains("keep :: middle"), "{guarded}");
    assert_eq!(terminal("a\u{200b}b\u{2028}c"), "a\\u{200b}b\\u{2028}c");
}

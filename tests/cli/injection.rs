//! Names that try to become markup, a formula, a workflow command or a terminal escape, fed
//! through every output format and read back with that format's own parser: each must see
//! plain text.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;
use teamplan::render::escape;

use crate::support::{CLEAN_SMALL_TEAM, Scratch, strip_sgr, teamplan};

/// A name with every hostile piece at once.
const NAME: &str =
    "Q\"<b onmouseover=x>=|-->\u{1b}[31m\u{202e}\n::error::pwned ##[warning]w\u{9b}2J";
/// A person id as hostile as TOML allows (any string is a valid quoted key).
const ID: &str = "=x\"<i>|-->\u{1b}]0;t\u{7}\u{202e}\n::error::id ##[group]g";

/// A TOML basic string: JSON's escapes (`\"`, `\\`, `\n`, `\u001b`) mean the same there,
/// and it stays on one line, as a quoted key must.
fn toml_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

/// A clean small team, then the same team whose name, people and ids are hostile.
fn files(s: &Scratch) -> (PathBuf, PathBuf) {
    let clean = s.write("clean.toml", CLEAN_SMALL_TEAM);
    let hostile = format!(
        "[team]\nname = {name}\ncatalog = \"small-team\"\n\n\
         [people.maya]\nname = {name}\nroles = [\"ecommerce-manager\"]\n\n\
         [people.{id}]\nname = {name}\nroles = [\"web-developer\", \"digital-marketing-specialist\", \"customer-service-representative\", \"wizard\"]\n\n\
         [raci.plan-promotions]\naccountable = {id}\n",
        name = toml_string(NAME),
        id = toml_string(ID),
    );
    (clean, s.write("hostile.toml", &hostile))
}

fn output(args: &[&str], path: &Path) -> String {
    let out = teamplan()
        .args(args)
        .arg(path)
        .output()
        .expect("run teamplan");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// What no output may contain raw: terminal escapes, bidi overrides, and text a CI runner
/// would read as a workflow command.
fn assert_inert(what: &str, text: &str) {
    for c in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
        assert!(!text.contains(c), "{what}: raw {c:?} in\n{text}");
    }
    assert!(!text.contains("##["), "{what}: `##[` in\n{text}");
    for line in text.lines() {
        assert!(
            !line.trim_start().starts_with("::") || what.contains("github"),
            "{what}: a line reads as a workflow command: {line}"
        );
    }
}

#[test]
fn html_pages_keep_hostile_names_as_text_and_attribute_values() {
    let s = Scratch::new();
    let (_, hostile) = files(&s);
    let allowed: HashSet<&str> = [
        "class",
        "id",
        "title",
        "scope",
        "href",
        "lang",
        "charset",
        "name",
        "content",
        "role",
        "aria-label",
        "width",
        "height",
        "viewBox",
        "xmlns",
        "x",
        "y",
        "text-anchor",
        "fill",
        "stroke",
        "stroke-width",
        "x1",
        "x2",
        "y1",
        "y2",
    ]
    .into();
    for args in [&["raci", "-f", "html"][..], &["report"][..]] {
        let page = output(args, &hostile);
        assert_inert(&args.join(" "), &page);
        let doc = scraper::Html::parse_document(&page);
        for element in doc
            .root_element()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
        {
            let tag = element.value().name();
            assert!(
                !["script", "b", "i", "iframe"].contains(&tag),
                "<{tag}> from a name"
            );
            for (attr, _) in element.value().attrs() {
                assert!(
                    allowed.contains(attr),
                    "{args:?}: attribute `{attr}` from a name"
                );
            }
        }
        let text = doc.root_element().text().collect::<String>();
        assert!(
            text.contains(&*escape::terminal(NAME)),
            "{args:?}: the name is shown whole"
        );
        if args[0] == "raci" {
            let th = scraper::Selector::parse("th[title]").expect("selector");
            let titles: Vec<&str> = doc.select(&th).filter_map(|e| e.attr("title")).collect();
            assert!(
                titles.contains(&&*escape::terminal(ID)),
                "the hostile id is one title attribute: {titles:?}"
            );
        }
    }
}

#[test]
fn csv_cells_read_back_as_text_never_formulas() {
    let s = Scratch::new();
    let (_, hostile) = files(&s);
    let text = output(&["raci", "-f", "csv"], &hostile);
    assert_inert("raci csv", &text);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("header").clone();
    assert!(
        headers.iter().any(|h| h == escape::csv_cell(ID)),
        "{headers:?}"
    );
    let mut rows = 0;
    for record in reader.records() {
        let record = record.expect("a well-formed record");
        assert_eq!(record.len(), headers.len());
        rows += 1;
    }
    assert!(rows > 40, "every activity is a row: {rows}");
    for cell in &headers {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{cell:?}"
        );
    }
}

#[test]
fn json_formats_keep_hostile_names_exactly() {
    let s = Scratch::new();
    let (clean, hostile) = files(&s);
    let docs = [
        ("check json", output(&["check", "-f", "json"], &hostile)),
        ("check sarif", output(&["check", "-f", "sarif"], &hostile)),
        ("raci json", output(&["raci", "-f", "json"], &hostile)),
        ("diff json", {
            let out = teamplan()
                .args(["diff", "-f", "json"])
                .arg(&clean)
                .arg(&hostile)
                .output()
                .expect("run");
            String::from_utf8(out.stdout).expect("UTF-8")
        }),
    ];
    for (what, text) in docs {
        assert_inert(what, &text);
        let doc: Value = serde_json::from_str(&text).expect("valid JSON");
        let all = doc.to_string();
        assert!(
            all.contains(&serde_json::to_string(NAME).expect("json")[1..NAME.len()])
                || all.contains(&serde_json::to_string(ID).expect("json")[1..8]),
            "{what}: a hostile name is kept"
        );
    }
    let raci: Value =
        serde_json::from_str(&output(&["raci", "-f", "json"], &hostile)).expect("json");
    assert_eq!(raci["team"], NAME);
    assert!(
        raci["columns"]
            .as_array()
            .expect("columns")
            .contains(&Value::from(ID))
    );
}

#[test]
fn github_commands_are_one_line_each_and_carry_the_name_as_data() {
    let s = Scratch::new();
    let (_, hostile) = files(&s);
    let text = output(&["check", "-f", "github"], &hostile);
    assert_inert("check github", &text);
    let json: Value =
        serde_json::from_str(&output(&["check", "-f", "json"], &hostile)).expect("json");
    let findings = json["findings"].as_array().expect("findings").len();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), findings, "{text}");
    for line in lines {
        assert!(
            line.starts_with("::error file=") || line.starts_with("::warning file="),
            "{line}"
        );
        // Exactly one command per line: the data part holds no second `::command`.
        let data = line.splitn(3, "::").nth(2).expect("data");
        assert!(!data.contains('\n') && !data.starts_with("::"), "{line}");
    }
}

#[test]
fn mermaid_nodes_and_labels_cannot_break_the_chart() {
    let s = Scratch::new();
    let (_, hostile) = files(&s);
    let chart = output(&["raci", "-f", "mermaid"], &hostile);
    assert_inert("raci mermaid", &chart);
    let body: Vec<&str> = chart
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("  %%"))
        .collect();
    for line in &body {
        let shaped = line.contains(" --> ")
            || line.contains("[\"")
            || line.contains("([\"")
            || line.contains("{{\"");
        assert!(shaped, "not a node or an edge: {line}");
        assert_eq!(line.matches('"').count() % 2, 0, "quotes balance: {line}");
    }
    let people: HashSet<&str> = body
        .iter()
        .filter(|l| l.contains("[\"") && l.trim_start().starts_with("p_"))
        .filter_map(|l| l.trim_start().split('[').next())
        .collect();
    assert_eq!(
        people.len(),
        2,
        "maya and the hostile id are two nodes: {people:?}"
    );
    // A team named like a Mermaid directive does not become one.
    let directive = s.write(
        "directive.toml",
        &CLEAN_SMALL_TEAM.replace(
            "name = \"Clean\"",
            "name = \"x %%{init: {'theme': 'dark'}}%%\"",
        ),
    );
    let chart = output(&["raci", "-f", "mermaid"], &directive);
    assert!(chart.contains("%% x"), "{chart}");
    assert!(!chart.contains("%%{") && !chart.contains("}%%"), "{chart}");

    // Ids that differ only in punctuation, or only outside ASCII, are distinct nodes.
    let mut text = String::from("[team]\nname = \"T\"\ncatalog = \"small-team\"\n");
    for id in ["a-b", "a.b", "a_b", "é", "è"] {
        let _ = write!(
            text,
            "\n[people.{}]\nroles = [\"web-developer\"]\nfte = 0.2\n",
            toml_string(id)
        );
    }
    let chart = output(&["raci", "-f", "mermaid"], &s.write("ids.toml", &text));
    let nodes: HashSet<&str> = chart
        .lines()
        .filter(|l| l.trim_start().starts_with("p_") && l.contains("[\""))
        .filter_map(|l| l.trim_start().split('[').next())
        .collect();
    assert_eq!(nodes.len(), 5, "{chart}");
}

#[test]
fn terminal_and_markdown_outputs_show_names_without_obeying_them() {
    let s = Scratch::new();
    let (clean, hostile) = files(&s);
    for args in [
        &["check"][..],
        &["check", "-f", "markdown"][..],
        &["raci"][..],
        &["raci", "--by", "role"][..],
        &["raci", "-f", "markdown"][..],
    ] {
        for colour in ["never", "always"] {
            let out = teamplan()
                .args(["--color", colour])
                .args(args)
                .arg(&hostile)
                .output()
                .expect("run");
            let text = String::from_utf8(out.stdout).expect("UTF-8");
            let text = if colour == "always" {
                strip_sgr(&text)
            } else {
                text
            };
            assert_inert(&format!("{args:?} --color {colour}"), &text);
        }
    }
    for format in ["human", "markdown"] {
        let out = teamplan()
            .args(["--color", "always", "diff", "-f", format])
            .arg(&clean)
            .arg(&hostile)
            .output()
            .expect("run");
        let text = strip_sgr(&String::from_utf8(out.stdout).expect("UTF-8"));
        assert_inert(&format!("diff {format}"), &text);
        assert!(text.contains("::error::id"), "the id is shown: {text}");
    }
}

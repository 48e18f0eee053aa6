//! `teamplan report` of dated teams: the Plan section, its chart read back as XML (what a
//! person sees: a bar and a label per quarter, the figures `teamplan plan` prints), hostile
//! names kept as text inside the SVG, and pages without planning fields left as they were.

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use teamplan::render::escape;

use crate::dates::PLAN;
use crate::support::{CLEAN_SMALL_TEAM, Scratch, run};

/// The page `report` prints for one file (`TEAMPLAN_AT=2026-06-01`, from the support module).
fn page(s: &Scratch, name: &str, text: &str) -> String {
    let path = s.write(name, text);
    let (code, html, err) = run(&["report", &path.to_string_lossy()]);
    assert_eq!(code, 0, "{err}");
    html
}

/// `teamplan plan --format json` of the same file.
fn plan_json(s: &Scratch, name: &str) -> Value {
    let path = s.path().join(name);
    let (code, out, err) = run(&["plan", &path.to_string_lossy(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("plan JSON")
}

/// The plan chart's `<svg>...</svg>`, cut out of the page as text: a name that closed the
/// element early would leave a cut that is no XML.
fn chart_text(html: &str) -> &str {
    let start = html.find("<svg class=\"plan\"").expect("a plan chart");
    let end = start + html[start..].find("</svg>").expect("the chart ends") + "</svg>".len();
    &html[start..end]
}

fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("the chart is no XML ({e}):\n{svg}"))
}

/// The elements named `tag` whose class is `class`.
fn with_class<'a, 'i>(
    doc: &'a roxmltree::Document<'i>,
    tag: &str,
    class: &str,
) -> Vec<roxmltree::Node<'a, 'i>> {
    doc.descendants()
        .filter(|n| n.has_tag_name(tag) && n.attribute("class") == Some(class))
        .collect()
}

/// The text of an element's `<title>` child.
fn title_of(node: roxmltree::Node<'_, '_>) -> String {
    node.children()
        .find(|c| c.has_tag_name("title"))
        .and_then(|t| t.text())
        .unwrap_or_default()
        .to_owned()
}

/// The text of the `text` elements of a class inside the panel (`<g class=...>`) `panel`.
fn texts(doc: &roxmltree::Document<'_>, panel: &str, class: &str) -> Vec<String> {
    with_class(doc, "g", panel)
        .into_iter()
        .flat_map(|g| g.descendants())
        .filter(|n| n.has_tag_name("text") && n.attribute("class") == Some(class))
        .map(|n| n.text().unwrap_or_default().to_owned())
        .collect()
}

/// A figure as the page writes money: whole units grouped by thousands.
fn grouped(value: f64) -> String {
    let digits = format!("{value:.0}");
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

fn number(node: roxmltree::Node<'_, '_>, attribute: &str) -> f64 {
    node.attribute(attribute)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("a number in {attribute}"))
}

/// The text of every element `selector` matches, cell by cell.
fn cells(html: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("selector");
    html.select(&selector)
        .map(|e: ElementRef<'_>| e.text().collect::<String>().trim().to_owned())
        .collect()
}

#[test]
fn a_dated_teams_chart_shows_each_quarters_headcount_and_cost_as_plan_computes_them() {
    let s = Scratch::new();
    let html = page(&s, "team.toml", PLAN);
    let json = plan_json(&s, "team.toml");
    let periods = json["periods"].as_array().expect("periods");
    assert_eq!(
        periods.len(),
        4,
        "four quarters from the one 2026-06-01 is in"
    );
    let labels: Vec<&str> = periods
        .iter()
        .map(|p| p["period"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(labels, ["2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"]);

    let doc = Html::parse_document(&html);
    assert_eq!(cells(&doc, "section#plan > h2"), ["Plan"]);
    let in_section = Selector::parse("section#plan svg.plan").expect("selector");
    assert_eq!(doc.select(&in_section).count(), 1);

    let svg = parse(chart_text(&html));
    let root = svg.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert!(
        !svg.descendants().any(|n| n.has_tag_name("script")
            || n.attributes().any(|a| a.name().starts_with("on"))),
        "no script in the chart"
    );
    assert_eq!(
        title_of(root),
        "Shop: headcount and cost per quarter, 2026-04-01 to 2027-03-31"
    );

    // One bar per quarter in each panel, the quarter written under each.
    let heads = with_class(&svg, "rect", "headcount");
    let costs = with_class(&svg, "rect", "cost");
    assert_eq!((heads.len(), costs.len()), (4, 4));
    assert_eq!(texts(&svg, "headcount", "period"), labels);
    assert_eq!(texts(&svg, "cost", "period"), labels);
    // The panels say what they count, in the plan's currency.
    let panel_titles: Vec<String> = svg
        .descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("font-weight") == Some("600"))
        .filter(|n| n.attribute("class").is_none())
        .map(|n| n.text().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        panel_titles,
        [
            "Headcount: people on an average day",
            "Cost per quarter (EUR)"
        ]
    );

    // Each bar's figures, on it and in its title, are those of `teamplan plan`.
    let head_values = texts(&svg, "headcount", "value");
    let cost_values = texts(&svg, "cost", "value");
    for (i, p) in periods.iter().enumerate() {
        let headcount = format!("{:.1}", p["headcount"].as_f64().expect("headcount"));
        let cost = grouped(p["cost"].as_f64().expect("cost"));
        assert_eq!(head_values[i], headcount);
        assert_eq!(cost_values[i], cost);
        let title = title_of(heads[i]);
        assert!(
            title.starts_with(labels[i]) && title.contains(&format!("headcount {headcount}")),
            "{title}"
        );
        let title = title_of(costs[i]);
        assert!(
            title.starts_with(labels[i]) && title.ends_with(&format!("cost {cost} EUR")),
            "{title}"
        );
    }
    assert_eq!(head_values, ["3.0", "3.0", "3.0", "3.7"]);
    assert_eq!(cost_values, ["47,370", "47,890", "47,890", "56,548"]);

    // Bars as tall as their figures: the starter in 2027-Q1 shows.
    for (bars, key) in [(&heads, "headcount"), (&costs, "cost")] {
        let first = periods[0][key].as_f64().expect("figure");
        for (bar, p) in bars.iter().zip(periods) {
            let ratio = number(*bar, "height") / number(bars[0], "height");
            let expected = p[key].as_f64().expect("figure") / first;
            assert!(
                (ratio - expected).abs() < 0.01,
                "{key}: {ratio} vs {expected}"
            );
        }
    }

    // The same figures as a table beside the chart, for screen readers and print.
    let rows = Selector::parse("table#plan-figures tbody tr").expect("selector");
    let table: Vec<Vec<String>> = doc
        .select(&rows)
        .map(|tr| {
            tr.children()
                .filter_map(ElementRef::wrap)
                .map(|c| c.text().collect::<String>())
                .collect()
        })
        .collect();
    assert_eq!(table.len(), 4);
    assert_eq!(
        table[3],
        [
            "2027-Q1",
            "2027-01-01",
            "2027-03-31",
            "3.7",
            "3.16",
            "56,548",
            "0",
            "digital-marketing-specialist"
        ],
        "the marketer is missing in January: uncovered on some day of the quarter"
    );
    assert_eq!(table[0][7], "digital-marketing-specialist");
}

#[test]
fn the_plan_lists_open_positions_gaps_and_each_persons_dates_and_cost() {
    let s = Scratch::new();
    let doc = Html::parse_document(&page(&s, "team.toml", PLAN));
    assert_eq!(
        cells(&doc, "table.positions tbody td"),
        [
            "Web developer (to hire)",
            "Shop",
            "Web Designer/Developer",
            "2027-04-01",
            "85,000",
            "Dev Okafor (dev)"
        ]
    );
    assert_eq!(
        cells(&doc, "table.positions thead th")[4],
        "cost per year (EUR)"
    );
    assert_eq!(
        cells(&doc, "table.gaps tbody td"),
        [
            "Digital Marketer digital-marketing-specialist",
            "2026-04-01",
            "2027-01-31",
            "Mark Ito (mark)"
        ]
    );
    // Every entry as written, with where it stands on the day checked.
    assert_eq!(
        cells(&doc, "table.people thead th"),
        [
            "person",
            "roles",
            "fte",
            "start",
            "end",
            "cost per year (EUR)",
            "on 2026-06-01"
        ]
    );
    let people = cells(&doc, "table.people tbody td");
    let rows: Vec<&[String]> = people.chunks(7).collect();
    assert_eq!(rows.len(), 5);
    assert_eq!(
        rows[1],
        [
            "Dev Okafor",
            "web-developer",
            "1",
            "",
            "2027-03-31",
            "80,000",
            "counted"
        ]
    );
    assert_eq!(rows[2][6], "open position");
    assert_eq!(
        rows[3],
        [
            "Mark Ito",
            "digital-marketing-specialist",
            "1",
            "2027-02-01",
            "",
            "60,000",
            "not started yet"
        ]
    );
    assert_eq!(rows[4][2], "0.5");
    let facts = cells(&doc, "dl.facts dd");
    assert!(facts.contains(&"2026-06-01".to_owned()), "{facts:?}");
    assert!(
        facts.contains(&"1 open position, 1 person not started yet or gone".to_owned()),
        "{facts:?}"
    );
}

#[test]
fn hostile_names_stay_text_in_the_chart_and_the_chart_stays_xml() {
    const NAME: &str = "</svg><script>alert(1)</script> \"Q\" & \u{1b}[31m\nnext\u{ffff}";
    let toml_string = |s: &str| serde_json::to_string(s).expect("a string serializes");
    let hostile = PLAN
        .replace("name = \"Shop\"", &format!("name = {}", toml_string(NAME)))
        .replace(
            "name = \"Mark Ito\"",
            &format!("name = {}", toml_string(NAME)),
        )
        .replace(
            "name = \"Web developer (to hire)\"",
            &format!("name = {}", toml_string(&format!("<b>{NAME}"))),
        );
    let s = Scratch::new();
    let html = page(&s, "team.toml", &hostile);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains('\u{1b}') && !html.contains('\u{ffff}'));
    let shown = escape::terminal(NAME).into_owned();

    let svg = parse(chart_text(&html));
    assert_eq!(
        title_of(svg.root_element()),
        format!("{shown}: headcount and cost per quarter, 2026-04-01 to 2027-03-31")
    );
    assert!(!svg.descendants().any(|n| n.has_tag_name("script")));
    assert_eq!(with_class(&svg, "rect", "headcount").len(), 4);

    let doc = Html::parse_document(&html);
    let elements = Selector::parse("script, b").expect("selector");
    assert_eq!(doc.select(&elements).count(), 0, "no element from a name");
    assert_eq!(
        doc.select(&Selector::parse("svg.plan").expect("selector"))
            .count(),
        1
    );
    assert_eq!(
        cells(&doc, "table.positions tbody td")[0],
        format!("<b>{shown}")
    );
    assert_eq!(cells(&doc, "table.positions tbody td")[1], shown);
    assert_eq!(
        cells(&doc, "table.gaps tbody td")[3],
        format!("{shown} (mark)")
    );
}

#[test]
fn a_team_without_planning_fields_has_no_plan_section() {
    let s = Scratch::new();
    let html = page(&s, "team.toml", CLEAN_SMALL_TEAM);
    for mark in [
        "<h2>Plan</h2>",
        "section.plan",
        "class=\"plan\"",
        "checked on",
        "table class=\"plain people\"",
    ] {
        assert!(!html.contains(mark), "{mark} in\n{html}");
    }
    // A currency alone plans nothing either.
    let html = page(
        &s,
        "priced.toml",
        &CLEAN_SMALL_TEAM.replace(
            "catalog = \"small-team\"",
            "catalog = \"small-team\"\ncurrency = \"EUR\"",
        ),
    );
    assert!(!html.contains("<h2>Plan</h2>"));
}

#[test]
fn without_costs_the_chart_is_headcount_alone() {
    let s = Scratch::new();
    let mut unpriced: Vec<&str> = PLAN.lines().filter(|l| !l.starts_with("cost")).collect();
    unpriced.push("");
    let html = page(&s, "team.toml", &unpriced.join("\n"));
    let svg = parse(chart_text(&html));
    assert_eq!(with_class(&svg, "rect", "headcount").len(), 4);
    assert!(with_class(&svg, "rect", "cost").is_empty());
    assert_eq!(
        title_of(svg.root_element()),
        "Shop: headcount per quarter, 2026-04-01 to 2027-03-31"
    );
    let doc = Html::parse_document(&html);
    assert!(
        !cells(&doc, "table#plan-figures th")
            .iter()
            .any(|h| h.starts_with("cost"))
    );
}

#[test]
fn costs_in_two_currencies_are_said_on_the_page_not_a_failure() {
    let s = Scratch::new();
    s.write("a.toml", PLAN);
    s.write(
        "b.toml",
        &PLAN
            .replace("\"EUR\"", "\"USD\"")
            .replace("name = \"Shop\"", "name = \"Outlet\""),
    );
    let (code, html, err) = run(&["report", &s.path().to_string_lossy()]);
    assert_eq!(code, 0, "{err}");
    let doc = Html::parse_document(&html);
    let note = cells(&doc, "section#plan p.note").concat();
    assert!(
        note.starts_with("No plan for these teams") && note.contains("USD"),
        "{note}"
    );
    assert!(!html.contains("<svg class=\"plan\""));
    // Each team's own dates and costs still show.
    assert_eq!(cells(&doc, "table.people").len(), 2);
}

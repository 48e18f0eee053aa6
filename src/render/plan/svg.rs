//! The report's plan chart: headcount and cost per period as two bar panels of one inline
//! SVG (no script, no external font or image). Every figure is written on the chart and
//! again in a `<title>` on its bar, and every text from a file goes through the HTML
//! escapers: the SVG sits inside an HTML page, and stays well-formed XML on its own.

use std::fmt::Write as _;

use super::numbers::{fte, heads, money};
use crate::plan::{Row, Timeline};
use crate::render::escape::html as escape;

const WIDTH: f64 = 720.0;
/// Room for the value axis' labels.
const LEFT: f64 = 72.0;
const RIGHT: f64 = 16.0;
/// A panel: its title, room for the labels over the bars, the bars, the periods under them.
const TITLE: f64 = 16.0;
const TOP: f64 = 40.0;
const PLOT: f64 = 120.0;
const PANEL: f64 = TOP + PLOT + 36.0;

const INK: &str = "#101828";
const MUTED: &str = "#475467";
const GRID: &str = "#eaecf0";
const AXIS: &str = "#667085";
const HEADCOUNT: &str = "#175cd3";
const COST: &str = "#0e7090";

/// What the chart is of.
#[derive(Debug, Clone, Copy)]
pub struct Chart<'a> {
    /// The plan's name (a team's, an org's, or "3 teams"), as written in the file.
    pub name: &'a str,
    /// The currency of the costs, if the files name one.
    pub currency: Option<&'a str>,
    /// Whether to draw the cost panel (false: no entry of the plan has a `cost`).
    pub costs: bool,
    /// The `id` of the chart's `<title>`, unique in the page.
    pub id: &'a str,
}

/// The chart of `t`'s rows: headcount bars, then (with costs) cost bars, one per period.
#[must_use]
pub fn chart(t: &Timeline, c: Chart<'_>) -> String {
    let panels = if c.costs { 2.0 } else { 1.0 };
    let height = PANEL * panels + 8.0;
    let what = if c.costs {
        "headcount and cost"
    } else {
        "headcount"
    };
    let mut out = format!(
        "<svg class=\"plan\" role=\"img\" aria-labelledby=\"{id}\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"12\" fill=\"{INK}\">\n<title id=\"{id}\">{}: {what} per quarter, {} to {}</title>\n",
        escape(c.name),
        t.from,
        t.to,
        id = c.id,
    );
    let headcount: Vec<f64> = t.rows.iter().map(|r| r.headcount).collect();
    panel(
        &mut out,
        &t.rows,
        &Panel {
            class: "headcount",
            title: "Headcount: people on an average day".to_owned(),
            top: 0.0,
            colour: HEADCOUNT,
            values: &headcount,
            label: &|v| heads(v),
            tooltip: &|r| {
                format!(
                    "{}, {} to {}: headcount {}, {} fte, {} open {}",
                    r.period.label,
                    r.period.start,
                    r.period.end,
                    heads(r.headcount),
                    fte(r.fte),
                    r.open,
                    if r.open == 1 { "position" } else { "positions" }
                )
            },
        },
    );
    if c.costs {
        let unit = c.currency.map_or_else(String::new, |c| format!(" {c}"));
        let costs: Vec<f64> = t.rows.iter().map(|r| r.cost).collect();
        panel(
            &mut out,
            &t.rows,
            &Panel {
                class: "cost",
                title: match c.currency {
                    Some(code) => format!("Cost per quarter ({})", escape(code)),
                    None => "Cost per quarter".to_owned(),
                },
                top: PANEL,
                colour: COST,
                values: &costs,
                label: &|v| money(v),
                tooltip: &|r| {
                    format!(
                        "{}, {} to {}: cost {}{}",
                        r.period.label,
                        r.period.start,
                        r.period.end,
                        money(r.cost),
                        escape(&unit)
                    )
                },
            },
        );
    }
    out.push_str("</svg>\n");
    out
}

/// One panel of bars. Its texts are markup already: the title's currency is escaped.
struct Panel<'a> {
    class: &'a str,
    title: String,
    /// Where the panel starts, down the chart.
    top: f64,
    colour: &'a str,
    values: &'a [f64],
    /// A value as written over its bar.
    label: &'a dyn Fn(f64) -> String,
    /// What a bar's `<title>` says.
    tooltip: &'a dyn Fn(&Row) -> String,
}

fn panel(out: &mut String, rows: &[Row], p: &Panel<'_>) {
    let (max, step) = scale(p.values.iter().copied().fold(0.0, f64::max));
    let base = p.top + TOP + PLOT;
    let y_of = |v: f64| base - PLOT * v / max;
    let _ = writeln!(
        out,
        "<g class=\"{}\">\n<text x=\"{LEFT}\" y=\"{}\" font-weight=\"600\" font-size=\"13\">{}</text>",
        p.class,
        p.top + TITLE,
        p.title
    );
    // The value axis: a line and a label per step.
    for k in 0..=10_u32 {
        let v = step * f64::from(k);
        if v > max * 1.000_001 {
            break;
        }
        let y = y_of(v);
        let _ = writeln!(
            out,
            "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"{MUTED}\">{}</text>",
            WIDTH - RIGHT,
            if k == 0 { AXIS } else { GRID },
            LEFT - 8.0,
            y + 4.0,
            short(v)
        );
    }
    let slot = (WIDTH - LEFT - RIGHT) / count(rows.len()).max(1.0);
    let bar = (slot * 0.5).min(72.0);
    for (i, (row, &v)) in rows.iter().zip(p.values).enumerate() {
        let middle = LEFT + slot * (count(i) + 0.5);
        let y = y_of(v);
        let _ = writeln!(
            out,
            "<rect class=\"{}\" x=\"{:.1}\" y=\"{y:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{}\"><title>{}</title></rect>\n<text class=\"value\" x=\"{middle:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"600\" stroke=\"#fff\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\">{}</text>\n<text class=\"period\" x=\"{middle:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{MUTED}\">{}</text>",
            p.class,
            middle - bar / 2.0,
            base - y,
            p.colour,
            (p.tooltip)(row),
            y - 6.0,
            (p.label)(v),
            base + 18.0,
            escape(&row.period.label)
        );
    }
    out.push_str("</g>\n");
}

/// The top of the value axis and its step: a round step (1, 2, 2.5 or 5 times a power of
/// ten) that reaches `max` in at most four steps.
fn scale(max: f64) -> (f64, f64) {
    if max.is_nan() || max <= 0.0 {
        return (1.0, 1.0);
    }
    let rough = max / 4.0;
    let power = 10_f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| s * 4.0 >= max)
        .unwrap_or(10.0 * power);
    ((max / step - 1e-9).ceil().max(1.0) * step, step)
}

/// A round figure for the value axis: `2.5`, `40k`, `1.25M`.
fn short(v: f64) -> String {
    let (n, suffix) = if v >= 1e6 {
        (v / 1e6, "M")
    } else if v >= 1e3 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    let text = format!("{n:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}{suffix}")
}

/// A count as a float, for positions on the chart.
fn count(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::{scale, short};

    #[test]
    fn the_value_axis_has_round_steps_over_the_highest_bar() {
        assert_eq!(scale(3.0), (3.0, 1.0));
        assert_eq!(scale(3.7), (4.0, 1.0));
        assert_eq!(scale(56_548.0), (60_000.0, 20_000.0));
        assert_eq!(scale(9.0), (10.0, 2.5));
        assert_eq!(scale(0.0), (1.0, 1.0));
        assert_eq!(scale(0.4), (0.4, 0.1));
    }

    #[test]
    fn axis_figures_are_short() {
        assert_eq!(short(0.0), "0");
        assert_eq!(short(2.5), "2.5");
        assert_eq!(short(40_000.0), "40k");
        assert_eq!(short(1_250_000.0), "1.25M");
    }
}

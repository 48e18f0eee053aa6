//! How a plan's figures are written: money grouped by thousands, fte and heads rounded.

/// `1234567.8` → `1,234,568`.
#[must_use]
pub fn money(value: f64) -> String {
    let rounded = format!("{:.0}", value.abs());
    let mut out = String::with_capacity(rounded.len() + rounded.len() / 3 + 1);
    for (i, digit) in rounded.chars().enumerate() {
        if i > 0 && (rounded.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if value < -0.5 {
        out.insert(0, '-');
    }
    out
}

/// `2.456` → `2.46`.
#[must_use]
pub fn fte(value: f64) -> String {
    format!("{value:.2}")
}

/// `3.04` → `3.0`.
#[must_use]
pub fn heads(value: f64) -> String {
    format!("{value:.1}")
}

/// Rounded to cents, for JSON.
#[must_use]
pub fn round2(value: f64) -> f64 {
    // + 0.0: a value that rounds to zero from below is 0, not -0.
    (value * 100.0).round() / 100.0 + 0.0
}

/// A figure for CSV: two decimals, never `-0.00`.
#[must_use]
pub fn plain(value: f64) -> String {
    format!("{:.2}", round2(value))
}

/// Pretty JSON with a newline, invisible characters escaped.
pub fn to_json(value: &impl serde::Serialize) -> String {
    let text =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    let mut text = crate::render::escape::json_invisibles(text);
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::money;

    #[test]
    fn money_is_grouped_by_thousands() {
        assert_eq!(money(0.0), "0");
        assert_eq!(money(999.5), "1,000");
        assert_eq!(money(1_234_567.8), "1,234,568");
        assert_eq!(money(-2500.0), "-2,500");
    }
}

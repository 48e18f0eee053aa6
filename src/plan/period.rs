//! Days and periods: the calendar months or quarters a plan is cut into.

use jiff::civil::Date;

/// How a timeline is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Month,
    Quarter,
}

/// One period of a timeline: a calendar month or quarter, cut to the plan's range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// `2027-Q1`, `2027-03`.
    pub label: String,
    pub start: Date,
    pub end: Date,
}

impl Period {
    /// Its days.
    #[must_use]
    pub fn days(&self) -> i64 {
        days(self.start, self.end)
    }
}

/// The days from `a` to `b`, both counted (0 when `b` is before `a`).
#[must_use]
pub fn days(a: Date, b: Date) -> i64 {
    if b < a {
        return 0;
    }
    a.until(b).map_or(0, |span| i64::from(span.get_days())) + 1
}

/// The days of `[start, end]` that fall in `[a, b]` (None: open on that side).
#[must_use]
pub fn overlap(start: Option<Date>, end: Option<Date>, a: Date, b: Date) -> i64 {
    let from = start.map_or(a, |s| s.max(a));
    let to = end.map_or(b, |e| e.min(b));
    days(from, to)
}

/// A count of days (or roles) as a float, for averages and shares.
#[allow(
    clippy::cast_precision_loss,
    reason = "day and entry counts are far below 2^52"
)]
#[must_use]
pub fn as_f64(n: i64) -> f64 {
    n as f64
}

/// The first day of the quarter `day` is in.
#[must_use]
pub fn quarter_start(day: Date) -> Date {
    let month = (day.month() - 1) / 3 * 3 + 1;
    Date::new(day.year(), month, 1).unwrap_or(day)
}

/// The default range of a plan: the four quarters from the one `at` is in.
#[must_use]
pub fn default_range(at: Date) -> (Date, Date) {
    let from = quarter_start(at);
    (from, year_from(from))
}

/// The last day of the year from `from` (the calendar's last day near its end).
#[must_use]
pub fn year_from(from: Date) -> Date {
    from.checked_add(jiff::Span::new().years(1))
        .and_then(Date::yesterday)
        .unwrap_or(Date::MAX)
}

/// The most periods a plan is cut into: a century of months.
pub const MAX_PERIODS: i64 = 1200;

/// How many periods `[from, to]` makes.
#[must_use]
pub fn period_count(from: Date, to: Date, by: By) -> i64 {
    let index = |d: Date| {
        let month = i64::from(d.year()) * 12 + i64::from(d.month()) - 1;
        match by {
            By::Month => month,
            By::Quarter => month.div_euclid(3),
        }
    };
    index(to) - index(from) + 1
}

/// The periods of `[from, to]`, each cut to that range.
#[must_use]
pub fn periods(from: Date, to: Date, by: By) -> Vec<Period> {
    let mut out = Vec::new();
    let mut start = from;
    while start <= to {
        let (first, label) = match by {
            By::Month => (
                start.first_of_month(),
                format!("{:04}-{:02}", start.year(), start.month()),
            ),
            By::Quarter => (
                quarter_start(start),
                format!("{:04}-Q{}", start.year(), (start.month() - 1) / 3 + 1),
            ),
        };
        let months = match by {
            By::Month => 1,
            By::Quarter => 3,
        };
        // The last period of the calendar ends on its last day.
        let next = first.checked_add(jiff::Span::new().months(months)).ok();
        let end = next
            .and_then(|n| n.yesterday().ok())
            .unwrap_or(Date::MAX)
            .min(to);
        out.push(Period { label, start, end });
        match next {
            Some(n) => start = n,
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn quarters_are_calendar_quarters_cut_to_the_range() {
        let got = periods(date(2027, 2, 15), date(2027, 7, 10), By::Quarter);
        let labels: Vec<(&str, Date, Date)> = got
            .iter()
            .map(|p| (p.label.as_str(), p.start, p.end))
            .collect();
        assert_eq!(
            labels,
            [
                ("2027-Q1", date(2027, 2, 15), date(2027, 3, 31)),
                ("2027-Q2", date(2027, 4, 1), date(2027, 6, 30)),
                ("2027-Q3", date(2027, 7, 1), date(2027, 7, 10)),
            ]
        );
        assert_eq!(got[0].days(), 14 + 31);
    }

    #[test]
    fn months_and_the_default_year_of_quarters() {
        let got = periods(date(2028, 1, 1), date(2028, 3, 31), By::Month);
        let days: Vec<i64> = got.iter().map(Period::days).collect();
        assert_eq!(days, [31, 29, 31], "2028 is a leap year");
        assert_eq!(
            default_range(date(2026, 12, 2)),
            (date(2026, 10, 1), date(2027, 9, 30))
        );
    }

    #[test]
    fn overlaps_count_both_ends() {
        let (a, b) = (date(2027, 1, 1), date(2027, 3, 31));
        assert_eq!(overlap(None, None, a, b), 90);
        assert_eq!(overlap(Some(date(2027, 3, 31)), None, a, b), 1);
        assert_eq!(overlap(None, Some(date(2026, 12, 31)), a, b), 0);
        assert_eq!(
            overlap(Some(date(2027, 2, 1)), Some(date(2027, 2, 10)), a, b),
            10
        );
    }
}

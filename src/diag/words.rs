//! Words for messages: lists read "A, B and C", counts "1 team" and "2 teams".

/// The items as prose: "A", "A and B", "A, B and C"; past `max` items, "A, B and 3 more".
#[must_use]
pub fn and_list<S: AsRef<str>>(items: &[S], max: usize) -> String {
    let shown: Vec<&str> = items.iter().take(max.max(1)).map(AsRef::as_ref).collect();
    let more = items.len() - shown.len();
    match (shown.as_slice(), more) {
        ([], _) => String::new(),
        ([one], 0) => (*one).to_owned(),
        (all, 0) => {
            let (last, rest) = all.split_last().unwrap_or((&"", &[]));
            format!("{} and {last}", rest.join(", "))
        }
        (some, more) => format!("{} and {more} more", some.join(", ")),
    }
}

/// `n` and the noun, plural unless `n` is 1: "1 team", "3 teams".
#[must_use]
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// An fte as people write it: `1`, `0.5`, `1.1`, `0.75` (a sum such as 0.1 + 0.2 is shown
/// to two decimals, not as 0.30000000000000004).
#[must_use]
pub fn fte(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::{and_list, count, fte};

    #[test]
    fn fte_reads_as_people_write_it() {
        assert_eq!(
            [fte(1.0), fte(0.5), fte(0.75), fte(0.1 + 0.2), fte(0.0)],
            ["1", "0.5", "0.75", "0.3", "0"]
        );
    }

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(and_list(&["a"], 4), "a");
        assert_eq!(and_list(&["a", "b"], 4), "a and b");
        assert_eq!(and_list(&["a", "b", "c"], 4), "a, b and c");
        assert_eq!(
            and_list(&["a", "b", "c", "d", "e"], 3),
            "a, b, c and 2 more"
        );
        assert_eq!(and_list::<&str>(&[], 3), "");
        assert_eq!(count(1, "team"), "1 team");
        assert_eq!(count(0, "error"), "0 errors");
    }
}

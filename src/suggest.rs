//! "Did you mean" suggestions for misspelt keys, ids and names.

/// Names longer than this get no suggestion.
const MAX_INPUT_BYTES: usize = 128;

/// The closest candidate to `input`, if one is close enough to be a likely typo: a few
/// edits away (swapped letters count as one), or similar by Jaro-Winkler for longer names.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    // No id is this long: a huge name is no typo, and comparing it with every candidate
    // (an edit-distance table of its length) would take minutes and gigabytes.
    if input.len() > MAX_INPUT_BYTES {
        return None;
    }
    let max_edits = (input.chars().count() / 4).max(1);
    let bag = Bag::new(input);
    candidates
        .into_iter()
        .filter(|c| bag.could_match(c, max_edits))
        .map(|c| {
            (
                strsim::osa_distance(input, c),
                strsim::jaro_winkler(input, c),
                c,
            )
        })
        .filter(|(edits, similarity, _)| *edits <= max_edits || *similarity > 0.85)
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)))
        .map(|(_, _, c)| c)
}

/// Byte counts of a string: a cheap test that rules out most candidates before the
/// quadratic, allocating string metrics run (a hint over 100k person ids is otherwise slow).
struct Bag {
    counts: [u16; 256],
    len: usize,
    ascii: bool,
}

impl Bag {
    fn new(s: &str) -> Self {
        let mut counts = [0u16; 256];
        for &b in s.as_bytes() {
            counts[usize::from(b)] = counts[usize::from(b)].saturating_add(1);
        }
        Self {
            counts,
            len: s.len(),
            ascii: s.is_ascii(),
        }
    }

    /// False only when `c` can be neither within `max_edits` edits nor Jaro-Winkler > 0.85.
    fn could_match(&self, c: &str, max_edits: usize) -> bool {
        if !self.ascii || !c.is_ascii() {
            return true;
        }
        let mut counts = self.counts;
        let mut common = 0usize;
        for &b in c.as_bytes() {
            let n = &mut counts[usize::from(b)];
            if *n > 0 {
                *n -= 1;
                common += 1;
            }
        }
        // Edits are at least the bytes one side has and the other lacks (bag distance).
        let bag_distance = (self.len - common).max(c.len() - common);
        if bag_distance <= max_edits {
            return true;
        }
        // Jaro matches at most `common` characters; Winkler's prefix bonus adds at most 40%
        // of what is left.
        #[allow(clippy::cast_precision_loss)]
        let jaro = {
            let m = common as f64;
            (m / self.len.max(1) as f64 + m / c.len().max(1) as f64 + 1.0) / 3.0
        };
        jaro + 0.4 * (1.0 - jaro) > 0.85
    }
}

/// `did you mean `x`?`, or nothing when no candidate is close.
pub fn hint<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    did_you_mean(input, candidates).map_or_else(String::new, |s| format!("did you mean `{s}`?"))
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_close_names_only() {
        let names = ["ecommerce-manager", "web-developer", "qa-tester"];
        assert_eq!(
            did_you_mean("ecommerce-manger", names),
            Some("ecommerce-manager")
        );
        assert_eq!(did_you_mean("web-develper", names), Some("web-developer"));
        assert_eq!(did_you_mean("astronaut", names), None);
        assert_eq!(did_you_mean("gsu", ["gus", "ivan"]), Some("gus"));
        assert_eq!(did_you_mean("xyz", ["gus", "ivan"]), None);
        assert_eq!(did_you_mean(&"web-developer".repeat(100), names), None);
    }
}

//! "Did you mean" suggestions for misspelt keys, ids and names.

/// Names longer than this get no suggestion.
const MAX_INPUT_BYTES: usize = 128;

/// The closest candidate to `input`, if one is close enough to be a likely typo: a few
/// edits away (swapped letters count as one), or similar by Jaro-Winkler for longer names.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    did_you_mean_each(&[input], candidates).pop().flatten()
}

/// [`did_you_mean`] for several inputs at once, in one pass over the candidates: with 100k
/// person ids, reading each id once (not once per misspelt name) is most of the cost.
pub fn did_you_mean_each<'a>(
    inputs: &[&str],
    candidates: impl IntoIterator<Item = &'a str>,
) -> Vec<Option<&'a str>> {
    // No id is this long: a huge name is no typo, and comparing it with every candidate
    // (an edit-distance table of its length) would take minutes and gigabytes.
    let mut searches: Vec<Option<Search<'_, 'a>>> = inputs
        .iter()
        .map(|&input| (input.len() <= MAX_INPUT_BYTES).then(|| Search::new(input)))
        .collect();
    if searches.iter().all(Option::is_none) {
        return vec![None; inputs.len()];
    }
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    // A candidate within the edit budget beats any that is only similar, so the costlier
    // similarity search runs only for inputs with no close candidate.
    for c in &candidates {
        for search in searches.iter_mut().flatten() {
            search.consider(c, Pass::Close);
        }
    }
    for search in searches.iter_mut().flatten() {
        if search.best.is_none() {
            for c in &candidates {
                search.consider(c, Pass::Similar);
            }
        }
    }
    searches
        .into_iter()
        .map(|s| s.and_then(|s| s.best.map(|(_, _, c)| c)))
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// Candidates within the edit budget.
    Close,
    /// Candidates past it but similar by Jaro-Winkler (> 0.85).
    Similar,
}

/// One input's search: its byte counts and the best candidate so far.
struct Search<'i, 'a> {
    input: &'i str,
    max_edits: usize,
    bag: Bag,
    /// (edits, similarity, candidate): fewest edits first, then the most similar.
    best: Option<(usize, f64, &'a str)>,
}

impl<'i, 'a> Search<'i, 'a> {
    fn new(input: &'i str) -> Self {
        Self {
            input,
            max_edits: (input.chars().count() / 4).max(1),
            bag: Bag::new(input),
            best: None,
        }
    }

    fn consider(&mut self, c: &'a str, pass: Pass) {
        let could = match pass {
            Pass::Close => self.bag.could_be_close(c, self.max_edits),
            Pass::Similar => self.bag.could_be_similar(c),
        };
        if !could {
            return;
        }
        let edits = strsim::osa_distance(self.input, c);
        let close = edits <= self.max_edits;
        if close != (pass == Pass::Close) || self.best.is_some_and(|(e, _, _)| edits > e) {
            return;
        }
        let similarity = strsim::jaro_winkler(self.input, c);
        if !close && similarity <= 0.85 {
            return;
        }
        let better = self.best.is_none_or(|(e, s, _)| {
            edits.cmp(&e).then(s.total_cmp(&similarity)) == std::cmp::Ordering::Less
        });
        if better {
            self.best = Some((edits, similarity, c));
        }
    }
}

/// Byte counts of a string: cheap tests that rule out most candidates before the
/// quadratic string metrics run.
struct Bag {
    counts: [u16; 256],
    /// `counts` while a candidate is being measured; equal to it between calls.
    scratch: [u16; 256],
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
            scratch: counts,
            len: s.len(),
            ascii: s.is_ascii(),
        }
    }

    /// False only when `c` is certainly more than `max_edits` edits away: edits are at
    /// least the bytes one side has and the other lacks (the bag distance), and at least
    /// the difference in length, which rules most candidates out without reading them.
    fn could_be_close(&mut self, c: &str, max_edits: usize) -> bool {
        if self.len.abs_diff(c.len()) > max_edits * 4 {
            // Each edit changes the length by at most one character of four bytes.
            return false;
        }
        if !self.ascii || !c.is_ascii() {
            return true;
        }
        if self.len.abs_diff(c.len()) > max_edits {
            return false;
        }
        let common = self.common(c);
        (self.len - common).max(c.len() - common) <= max_edits
    }

    /// False only when `c` certainly has a Jaro-Winkler similarity of at most 0.85: Jaro
    /// matches at most the bytes both have, and Winkler's prefix bonus adds at most 40% of
    /// what is left.
    fn could_be_similar(&mut self, c: &str) -> bool {
        if !self.ascii || !c.is_ascii() {
            return true;
        }
        let common = self.common(c);
        #[allow(clippy::cast_precision_loss)]
        let jaro = {
            let m = common as f64;
            (m / self.len.max(1) as f64 + m / c.len().max(1) as f64 + 1.0) / 3.0
        };
        jaro + 0.4 * (1.0 - jaro) > 0.85
    }

    /// How many bytes of `c` the string has too (counted with repeats).
    fn common(&mut self, c: &str) -> usize {
        let mut common = 0usize;
        for &b in c.as_bytes() {
            let n = &mut self.scratch[usize::from(b)];
            if *n > 0 {
                *n -= 1;
                common += 1;
            }
        }
        for &b in c.as_bytes() {
            self.scratch[usize::from(b)] = self.counts[usize::from(b)];
        }
        common
    }
}

/// The fix for a misspelt `input` when it has one safe answer: the only candidate within the
/// edit budget (a letter or two for a short name; one per four characters), or the only one
/// that differs in case alone. None when no candidate is that close, or several are.
pub fn sole_fix<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if input.len() > MAX_INPUT_BYTES {
        return None;
    }
    let mut search = Search::new(input);
    let (mut close, mut same_case): (Option<&'a str>, Option<&'a str>) = (None, None);
    let (mut several_close, mut several_case) = (false, false);
    for c in candidates {
        if c == input {
            return None;
        }
        if c.eq_ignore_ascii_case(input) {
            several_case |= same_case.is_some_and(|f| f != c);
            same_case = Some(c);
        }
        if search.bag.could_be_close(c, search.max_edits)
            && strsim::osa_distance(input, c) <= search.max_edits
        {
            several_close |= close.is_some_and(|f| f != c);
            close = Some(c);
        }
    }
    match (same_case, several_case) {
        (Some(c), false) => Some(c),
        (Some(_), true) => None,
        (None, _) => close.filter(|_| !several_close),
    }
}

/// `did you mean `x`?`, or None when no candidate is close.
pub fn hint<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    did_you_mean(input, candidates).map(|s| format!("did you mean `{s}`?"))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{MAX_INPUT_BYTES, did_you_mean, did_you_mean_each, sole_fix};

    #[test]
    fn a_fix_needs_one_candidate_within_the_budget() {
        let roles = ["web-developer", "web-designer", "qa-tester"];
        assert_eq!(sole_fix("web-develper", roles), Some("web-developer"));
        assert_eq!(sole_fix("qa-testr", roles), Some("qa-tester"));
        // Both within the budget: no safe answer.
        assert_eq!(
            sole_fix("content-writter", ["content-writer", "content-writers"]),
            None
        );
        assert_eq!(sole_fix("marketing", roles), None);
        assert_eq!(sole_fix("D2C", ["b2b", "b2c", "d2c"]), Some("d2c"));
        assert_eq!(
            sole_fix("b2x", ["b2b", "b2c", "d2c"]),
            None,
            "two one-letter candidates"
        );
        assert_eq!(sole_fix("qa-tester", roles), None, "nothing to fix");
        assert_eq!(sole_fix("rolse", ["roles", "fte", "name"]), Some("roles"));
    }

    /// The definition, with no shortcut: every candidate measured both ways.
    fn reference<'a>(input: &str, candidates: &[&'a str]) -> Option<&'a str> {
        if input.len() > MAX_INPUT_BYTES {
            return None;
        }
        let max_edits = (input.chars().count() / 4).max(1);
        candidates
            .iter()
            .map(|&c| {
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

    proptest! {
        #[test]
        fn filters_never_change_the_answer(
            inputs in proptest::collection::vec("[a-e-]{0,12}|[a-zé]{0,6}", 1..4),
            candidates in proptest::collection::vec("[a-e-]{0,14}|[a-zé]{0,6}", 0..40),
        ) {
            let candidates: Vec<&str> = candidates.iter().map(String::as_str).collect();
            let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
            let expected: Vec<Option<&str>> =
                inputs.iter().map(|i| reference(i, &candidates)).collect();
            prop_assert_eq!(did_you_mean_each(&inputs, candidates.iter().copied()), expected);
        }
    }

    #[test]
    fn similar_names_are_suggested_past_the_edit_budget() {
        // 4 edits for 13 characters (budget 3), but Jaro-Winkler 0.94.
        assert_eq!(
            did_you_mean("ecommerce-mgr", ["web-developer", "ecommerce-manager"]),
            Some("ecommerce-manager")
        );
        assert_eq!(
            did_you_mean_each(&["gsu", "xyz", "web-develper"], ["gus", "web-developer"]),
            [Some("gus"), None, Some("web-developer")]
        );
    }

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

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

/// How far a misspelling may be from the name `--fix` makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    /// A key of the file format or a built-in catalog id: few candidates, all known, so one
    /// edit per four characters (at least one).
    Known,
    /// A person, role or activity id: names under 6 characters are never changed by edits
    /// (one letter turns `ann` into `ana` and `cto` into `ceo`); one edit up to 11 characters,
    /// two from 12.
    Names,
}

impl Budget {
    fn edits(self, input: &str) -> usize {
        let n = input.chars().count();
        match self {
            Budget::Known => (n / 4).max(1),
            Budget::Names if n < 6 => 0,
            Budget::Names if n < 12 => 1,
            Budget::Names => 2,
        }
    }
}

/// The names `--fix` could make of a misspelt `input`: the candidates that differ from it in
/// case alone, else those within the `budget`. Candidates with the same key (a role's id and
/// its aliases) count as one, the closest name kept. One name is a safe fix; several are
/// not; none when `input` is a candidate itself.
pub fn fix_candidates<'a, K: PartialEq>(
    input: &str,
    candidates: impl IntoIterator<Item = (&'a str, K)>,
    budget: Budget,
) -> Vec<&'a str> {
    if input.len() > MAX_INPUT_BYTES {
        return Vec::new();
    }
    let max = budget.edits(input);
    let mut bag = Bag::new(input);
    // (edits, name, key); case-only matches count as no edit at all.
    let mut found: Vec<(usize, &'a str, K)> = Vec::new();
    for (c, key) in candidates {
        if c == input {
            return Vec::new();
        }
        let edits = if c.eq_ignore_ascii_case(input) {
            0
        } else if max > 0 && bag.could_be_close(c, max) {
            strsim::osa_distance(input, c)
        } else {
            continue;
        };
        if edits > max {
            continue;
        }
        match found.iter_mut().find(|(_, _, k)| *k == key) {
            Some(entry) if edits < entry.0 => *entry = (edits, c, key),
            Some(_) => {}
            None => found.push((edits, c, key)),
        }
    }
    // A name differing in case alone is the fix, whatever else is close.
    if found.iter().any(|(e, _, _)| *e == 0) {
        found.retain(|(e, _, _)| *e == 0);
    }
    found.into_iter().map(|(_, c, _)| c).collect()
}

/// `did you mean `x`?`, or None when no candidate is close.
pub fn hint<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    did_you_mean(input, candidates).map(|s| format!("did you mean `{s}`?"))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{Budget, MAX_INPUT_BYTES, did_you_mean, did_you_mean_each, fix_candidates};

    fn names<'a>(input: &str, candidates: &[&'a str], budget: Budget) -> Vec<&'a str> {
        fix_candidates(input, candidates.iter().map(|c| (*c, *c)), budget)
    }

    #[test]
    fn a_fix_needs_one_candidate_within_the_budget() {
        let roles = ["web-developer", "web-designer", "qa-tester"];
        assert_eq!(
            names("web-develper", &roles, Budget::Names),
            ["web-developer"]
        );
        assert_eq!(names("qa-testr", &roles, Budget::Names), ["qa-tester"]);
        assert_eq!(
            names(
                "content-writter",
                &["content-writer", "content-writers"],
                Budget::Names
            ),
            ["content-writer", "content-writers"],
            "two close: no safe answer"
        );
        assert!(names("marketing", &roles, Budget::Names).is_empty());
        assert!(
            names("qa-tester", &roles, Budget::Names).is_empty(),
            "nothing to fix"
        );
        // Short names are never guessed at by edits; a difference of case alone is fixed.
        assert!(names("ann", &["ana", "bob"], Budget::Names).is_empty());
        assert!(names("cto", &["ceo"], Budget::Names).is_empty());
        assert_eq!(names("D2C", &["b2b", "b2c", "d2c"], Budget::Known), ["d2c"]);
        assert_eq!(names("b2x", &["b2b", "b2c", "d2c"], Budget::Known).len(), 2);
        assert_eq!(
            names("rolse", &["roles", "fte", "name"], Budget::Known),
            ["roles"]
        );
        assert_eq!(
            names("ftee", &["roles", "fte", "name"], Budget::Known),
            ["fte"]
        );
    }

    #[test]
    fn names_of_one_thing_are_one_candidate() {
        // A role's id and its aliases are one role: the closest name stands for it.
        let roles = [
            ("frontend-developer", 1),
            ("front-end-developer", 1),
            ("backend-developer", 2),
        ];
        assert_eq!(
            fix_candidates("frontend-developr", roles, Budget::Names),
            ["frontend-developer"]
        );
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

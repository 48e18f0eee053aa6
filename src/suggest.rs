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
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::damerau_levenshtein(input, c),
                strsim::jaro_winkler(input, c),
                c,
            )
        })
        .filter(|(edits, similarity, _)| *edits <= max_edits || *similarity > 0.85)
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)))
        .map(|(_, _, c)| c)
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

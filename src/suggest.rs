//! "Did you mean" suggestions for misspelt keys, ids and names.

/// The closest candidate to `input`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(input, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// `; did you mean `x`?` or nothing, for appending to a message.
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
    }
}

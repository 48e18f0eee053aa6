//! Stable ids for suggestions: derived from what a suggestion is, never from its place in a
//! list, so an id read today still names the same change tomorrow.

/// `s` and eight hex digits of a 64-bit FNV-1a hash of `what` (a canonical description of
/// the change). FNV is fixed by its specification: the same text gives the same id on every
/// machine and in every version.
#[must_use]
pub fn stable_id(what: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in what.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("s{:08x}", hash >> 32)
}

#[cfg(test)]
mod tests {
    use super::stable_id;

    #[test]
    fn ids_follow_the_content_only() {
        assert_eq!(
            stable_id("add|maya|web-developer"),
            stable_id("add|maya|web-developer")
        );
        assert_ne!(
            stable_id("add|maya|web-developer"),
            stable_id("add|tom|web-developer")
        );
        assert_eq!(stable_id("").len(), 9);
    }
}

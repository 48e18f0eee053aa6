//! `cargo +nightly fuzz run check`: libFuzzer drives the whole `teamplan check` pipeline.
//! The body is `teamplan_fuzz::check`, also run on stable by `src/bin/stable.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = teamplan_fuzz::check(data);
});

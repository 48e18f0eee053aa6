//! Reading input: finding the files under the paths given, reading each one bounded by
//! `--max-file-size`, and turning the TOML parser's errors into findings.

pub mod discover;
pub mod git;
pub mod read;
pub mod root;
pub mod toml_error;

pub use read::{DEFAULT_MAX_FILE_SIZE, read_source, text_source};

//! Reading input: finding the files under the paths given (within the root), files at a
//! git revision, reading each one bounded by `--max-file-size`, checking a parsed file's
//! shape against the schema of its format, and turning the TOML parser's errors and the
//! shape's problems into findings.

pub mod discover;
pub mod git;
mod git_batch;
pub mod org;
pub mod read;
pub mod root;
pub mod shape;
pub mod toml_error;
pub mod variants;
pub mod wording;

pub use read::{DEFAULT_MAX_FILE_SIZE, read_source, text_source};

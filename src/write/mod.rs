//! Every file teamplan writes goes through [`write`] / [`write_with`]: `--output`,
//! `--inject`, `report --output`, `init`. A regular file is replaced atomically (a hidden,
//! randomly named temporary file beside it, then a rename), so a crash never leaves half a
//! file; and a write never lands where it should not:
//!
//! - not on a file this run reads (an output onto its own input, a team's catalog);
//! - not on a file that changed since an in-place edit read it (checked again just before
//!   the rename);
//! - not through a symlink, at or inside the target, that leads outside the root;
//! - not on a file with several hard links or another owner, unless `--force` (which
//!   writes it in place, keeping its links);
//! - a device or FIFO named on the command line is written to directly, never renamed over,
//!   and a FIFO nobody reads is an error, not a hang.
//!
//! An existing file keeps its mode; a new one gets the user's umask. stdout goes through
//! [`emit`], which keeps the exit code when the reader goes away.

mod emit;
mod file;
mod folders;
mod target;

pub use emit::{emit, emit_with};
pub use file::Produce;
pub use target::{Change, Options, Target, prepare, write, write_with};

//! The resolved RACI matrix of a team: who holds which role, and each person's letters for
//! each activity. Every rule and every renderer reads this one resolution.

mod chains;
mod letters;
mod person_roles;
mod resolved;

pub use letters::{LetterRow, Letters};
pub use person_roles::PersonRoles;
pub use resolved::{LeadProblem, Load, Resolved, Row, UnknownRef};

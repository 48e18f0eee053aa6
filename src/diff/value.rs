//! A value that changed, for one person.

use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ValueChange<T> {
    pub person: String,
    pub old: T,
    pub new: T,
}

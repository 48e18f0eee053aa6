//! The roles each person of a team holds, as one list: an org of 100k people would
//! otherwise hold 100k small lists.

use std::ops::Index;

use crate::catalog::RoleIdx;

/// Person index → the catalog roles they hold, in one list with where each person's start.
#[derive(Debug, Clone, Default)]
pub struct PersonRoles {
    /// Where each person's roles start in `roles` (one entry per person).
    starts: Vec<usize>,
    roles: Vec<RoleIdx>,
}

impl PersonRoles {
    /// Room for `people` people.
    #[must_use]
    pub fn with_capacity(people: usize) -> Self {
        Self {
            starts: Vec::with_capacity(people),
            roles: Vec::with_capacity(people),
        }
    }

    /// Start the next person's roles (empty until [`Self::push`]).
    pub fn open(&mut self) {
        self.starts.push(self.roles.len());
    }

    /// Add a role to the person opened last.
    pub fn push(&mut self, role: RoleIdx) {
        self.roles.push(role);
    }

    /// The roles of the person opened last.
    #[must_use]
    pub fn last(&self) -> &[RoleIdx] {
        self.starts.last().map_or(&[], |&s| &self.roles[s..])
    }

    /// How many people.
    #[must_use]
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether there is nobody.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Each person's roles, by person index.
    pub fn iter(&self) -> impl Iterator<Item = &[RoleIdx]> {
        (0..self.len()).map(|p| &self[p])
    }
}

impl Index<usize> for PersonRoles {
    type Output = [RoleIdx];

    fn index(&self, person: usize) -> &[RoleIdx] {
        let start = self.starts[person];
        let end = self
            .starts
            .get(person + 1)
            .copied()
            .unwrap_or(self.roles.len());
        &self.roles[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::PersonRoles;

    #[test]
    fn each_person_gets_the_roles_pushed_after_they_were_opened() {
        let mut roles = PersonRoles::with_capacity(3);
        roles.open();
        roles.push(4);
        roles.push(2);
        assert_eq!(roles.last(), [4, 2]);
        roles.open();
        assert!(roles.last().is_empty());
        roles.open();
        roles.push(7);
        assert_eq!(
            (roles.len(), &roles[0], &roles[1], &roles[2]),
            (3, &[4, 2][..], &[][..], &[7][..])
        );
        let all: Vec<&[usize]> = roles.iter().collect();
        assert_eq!(all, [&[4, 2][..], &[], &[7]]);
    }
}

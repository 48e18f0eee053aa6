//! The people of the teams exported, each once: one user for every file they are in.

use std::collections::{BTreeMap, HashMap};

use crate::diag::words::fte;
use crate::team::{Person, Team};

/// The prefix of teamplan's annotations.
pub const PREFIX: &str = "teamplan.dev/";

/// A person as exported: one user for every file they are in, their roles, leads and fte
/// summed over those files.
pub(super) struct UserOf<'t> {
    pub id: &'t str,
    pub name: &'t str,
    pub email: Option<&'t str>,
    roles: Vec<String>,
    leads: Vec<String>,
    fte: f64,
    engagement: &'static str,
    pub groups: Vec<usize>,
    /// The teams (or orgs) whose fte and roles are counted.
    teams: Vec<*const Team>,
}

/// Add `person` of `team` to `group`: a new user the first time their id is met, else the
/// same user with the roles, leads and fte of this file added.
pub(super) fn add_user<'t>(
    users: &mut Vec<UserOf<'t>>,
    index: &mut HashMap<&'t str, usize>,
    team: &'t Team,
    person: &'t Person,
    group: usize,
) {
    let i = *index.entry(person.id.as_str()).or_insert_with(|| {
        users.push(UserOf {
            id: person.id.as_str(),
            name: &person.name,
            email: None,
            roles: Vec::new(),
            leads: Vec::new(),
            fte: 0.0,
            engagement: person.engagement.as_str(),
            groups: Vec::new(),
            teams: Vec::new(),
        });
        users.len() - 1
    });
    let user = &mut users[i];
    if !user.groups.contains(&group) {
        user.groups.push(group);
    }
    // An org's person is one for all its units (their fte already summed): counted once
    // per team or org.
    let team_at: *const Team = team;
    if user.teams.contains(&team_at) {
        return;
    }
    user.teams.push(team_at);
    user.fte += person.fte;
    user.email = user.email.or(person.email.as_deref());
    // A role by its catalog id (an alias written is the same role), each once; a name that
    // is no role of the catalog (an error `check` reports) is left out.
    let id_of = |r: &crate::team::Ref| {
        team.catalog
            .role(&r.name)
            .map(|idx| team.catalog.roles[idx].id.clone())
    };
    for (refs, list) in [
        (&person.roles, &mut user.roles),
        (&person.leads, &mut user.leads),
    ] {
        for id in refs.iter().filter_map(id_of) {
            if !list.contains(&id) {
                list.push(id);
            }
        }
    }
}

/// What Backstage has no field for: the person's id as written, roles, leads, fte and
/// engagement.
pub(super) fn user_annotations(user: &UserOf<'_>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    out.insert(format!("{PREFIX}id"), user.id.to_owned());
    if !user.roles.is_empty() {
        out.insert(format!("{PREFIX}roles"), user.roles.join(", "));
    }
    if !user.leads.is_empty() {
        out.insert(format!("{PREFIX}leads"), user.leads.join(", "));
    }
    out.insert(format!("{PREFIX}fte"), fte(user.fte));
    out.insert(format!("{PREFIX}engagement"), user.engagement.to_owned());
    out
}

//! A suggestion written into the team files with `toml_edit`: comments, order and layout
//! kept; only the roles, leads or the new `[people.*]` table change.

use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;
use toml_edit::{Array, DocumentMut, Item, Table, value};

use super::change::Change;
use crate::catalog::RoleIdx;
use crate::diag::source::SourceFile;
use crate::team::Team;

/// One file's text before and after.
#[derive(Debug, Clone)]
pub struct Edited {
    pub path: PathBuf,
    pub before: Arc<SourceFile>,
    pub after: String,
}

/// The files `change` edits, or why it cannot be written.
///
/// # Errors
/// A person whose entry is not a table the edit can reach (it says which).
pub fn edit_change(team: &Team, change: &Change) -> Result<Vec<Edited>, String> {
    let role = &team.catalog.roles[change.role()].id;
    let mut out: Vec<Edited> = Vec::new();
    // `holding`: edit the entry (of an org, the unit's file) where they list the role.
    let mut edit = |who: &str,
                    holding: bool,
                    f: &dyn Fn(&mut Table, &Team) -> Result<(), String>|
     -> Result<(), String> {
        let person = team
            .people
            .iter()
            .find(|p| *p.id == *who)
            .ok_or_else(|| format!("`{who}` is not on the team on the day checked"))?;
        let span = person
            .roles
            .iter()
            .find(|r| holding && team.catalog.role(&r.name) == Some(change.role()))
            .map_or_else(|| person.span.clone(), |r| r.span.clone());
        let source = Arc::clone(team.locate(span).source);
        let text = match out.iter().find(|e| e.path == source.path()) {
            Some(e) => e.after.clone(),
            None => source.text.clone(),
        };
        let mut doc: DocumentMut = text
            .parse()
            .map_err(|e| format!("{} does not read as TOML: {e}", source.path().display()))?;
        let table = doc
            .get_mut("people")
            .and_then(|p| p.get_mut(who))
            .and_then(Item::as_table_mut)
            .ok_or_else(|| format!("`[people.{who}]` in {} is not a table teamplan can edit: make the change by hand", source.path().display()))?;
        f(table, team)?;
        let after = keep_line_ends(&source.text, doc.to_string());
        match out.iter_mut().find(|e| e.path == source.path()) {
            Some(e) => e.after = after,
            None => out.push(Edited {
                path: source.path().to_path_buf(),
                before: source,
                after,
            }),
        }
        Ok(())
    };
    let push = |key: &'static str| {
        move |t: &mut Table, _: &Team| -> Result<(), String> {
            if let Some(list) = t.get_mut(key).and_then(Item::as_array_mut) {
                list.push(role.as_str());
            } else {
                let mut list = Array::new();
                list.push(role.as_str());
                t.insert(key, value(list));
            }
            Ok(())
        }
    };
    match change {
        Change::AddRole { person, .. } => edit(person, false, &push("roles"))?,
        Change::Lead { person, .. } => edit(person, true, &push("leads"))?,
        Change::MoveRole { from, to, role: r } => {
            let r = *r;
            edit(from, true, &move |t: &mut Table, team: &Team| {
                let list = t
                    .get_mut("roles")
                    .and_then(Item::as_array_mut)
                    .ok_or("no `roles` list to take the role from")?;
                list.retain(|v| v.as_str().and_then(|s| team.catalog.role(s)) != Some(r));
                Ok(())
            })?;
            edit(to, false, &push("roles"))?;
        }
    }
    Ok(out)
}

/// The team file with a new open position holding `roles`, starting on `start`.
///
/// # Errors
/// An org: the position belongs in one of its units, which `suggest` does not choose.
pub fn edit_position(team: &Team, roles: &[RoleIdx], start: Date) -> Result<Edited, String> {
    if team.is_org() {
        return Err("an org's new position belongs in one of its units: add it to the unit's file by hand (`teamplan suggest --format json` lists its roles)".to_owned());
    }
    let catalog = &team.catalog;
    let ids: Vec<&str> = roles
        .iter()
        .map(|&r| catalog.roles[r].id.as_str())
        .collect();
    let taken = |id: &str| team.people.iter().chain(&team.off).any(|p| *p.id == *id);
    let base = format!("hire-{}", ids.first().copied().unwrap_or("position"));
    let id = std::iter::once(base.clone())
        .chain((2..=team.people.len() + team.off.len() + 2).map(|n| format!("{base}-{n}")))
        .find(|id| !taken(id))
        .unwrap_or(base);
    let mut doc: DocumentMut = team.source.text.parse().map_err(|e| {
        format!(
            "{} does not read as TOML: {e}",
            team.source.path().display()
        )
    })?;
    let titles: Vec<&str> = roles
        .iter()
        .map(|&r| catalog.roles[r].title.as_str())
        .collect();
    let mut table = Table::new();
    table.insert("name", value(format!("{} (to hire)", titles.join(" / "))));
    table.insert("status", value("open"));
    let mut list = Array::new();
    for id in &ids {
        list.push(*id);
    }
    table.insert("roles", value(list));
    let day: toml_edit::Datetime = start
        .to_string()
        .parse()
        .map_err(|_| "the day checked is no TOML date".to_owned())?;
    table.insert("start", value(day));
    let people = doc
        .entry("people")
        .or_insert_with(|| {
            let mut t = Table::new();
            t.set_implicit(true);
            Item::Table(t)
        })
        .as_table_mut()
        .ok_or("`people` is not a table teamplan can edit")?;
    people.insert(&id, Item::Table(table));
    Ok(Edited {
        path: team.source.path().to_path_buf(),
        before: Arc::clone(&team.source),
        after: keep_line_ends(&team.source.text, doc.to_string()),
    })
}

/// `after` with the line ends of `before`: a CRLF file stays CRLF (`toml_edit` writes the
/// lines it adds with LF).
fn keep_line_ends(before: &str, after: String) -> String {
    if before.contains("\r\n") {
        after.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        after
    }
}

//! The edits of `check --fix` to a file's text: each fix made at its span, the file read
//! again to check that it still reads, in time linear in the file.

use crate::diag::Fix;

/// A fix that was made, or not, and why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub fix: Fix,
    /// None when made; else why it was left.
    pub skipped: Option<&'static str>,
}

/// Renames tried one at a time when made together they leave the file unreadable: each try
/// reads the whole file again, so a file full of colliding renames costs a bounded amount.
const ALONE_TRIES: usize = 16;

/// `text` with `fixes` made, and what became of each. A fix is made only where the text
/// still reads what it was found to read, and only if the file still reads after it: a key
/// renamed onto one that exists is left, and so is one written in several places
/// (`[peopel.a]` and `[peopel.b]`), which would be renamed at one place only. Keys and
/// strings are written as TOML writes them (`toml_edit`); everything else stays as it was.
/// The fixes are made in one pass over the text, which is read once more to check them
/// (more only when renames collide), so the cost is linear in the file.
#[must_use]
pub fn apply(text: &str, fixes: &[Fix]) -> (String, Vec<Outcome>) {
    let mut fixes: Vec<&Fix> = fixes.iter().collect();
    fixes.sort_by_key(|f| f.span.start);
    fixes.dedup_by_key(|f| f.span.clone());
    let mut outcomes: Vec<Outcome> = Vec::new();
    let mut planned: Vec<(&Fix, String)> = Vec::new();
    let mut end = 0;
    for fix in fixes {
        let skipped = if fix.to.len() > 1 {
            Some("more than one close name")
        } else if fix.span.start < end {
            Some("another fix overlaps it")
        } else if let Some(repr) = text.get(fix.span.clone()).and_then(|t| rewritten(t, fix)) {
            end = fix.span.end;
            planned.push((fix, repr));
            None
        } else {
            Some("the file no longer reads what was found")
        };
        if let Some(why) = skipped {
            outcomes.push(Outcome {
                fix: fix.clone(),
                skipped: Some(why),
            });
        }
    }
    let mut left: Vec<(&Fix, &'static str)> = Vec::new();
    let mut out = splice(text, &planned);
    if toml::de::DeTable::parse(&out).is_err() {
        // Some rename collides. String values cannot: keep them, and try each rename alone.
        let (renames, values): (Vec<_>, Vec<_>) =
            planned.into_iter().partition(|(f, _)| f.table.is_some());
        planned = values;
        for (i, rename) in renames.into_iter().enumerate() {
            let mut with = planned.clone();
            with.push(rename.clone());
            with.sort_by_key(|(f, _)| f.span.start);
            if i < ALONE_TRIES && toml::de::DeTable::parse(&splice(text, &with)).is_ok() {
                planned = with;
            } else if i < ALONE_TRIES {
                left.push((rename.0, "the new name is already used there"));
            } else {
                left.push((
                    rename.0,
                    "not tried with so many colliding renames: run --fix again",
                ));
            }
        }
        out = splice(text, &planned);
    }
    // A name written in several places is still there after one of them is renamed.
    if let Ok(doc) = toml::de::DeTable::parse(&out) {
        let split: Vec<usize> = planned
            .iter()
            .enumerate()
            .filter(|(_, (f, _))| {
                f.table.as_ref().is_some_and(|t| {
                    table_at(doc.get_ref(), t).is_some_and(|t| t.contains_key(f.from.as_str()))
                })
            })
            .map(|(i, _)| i)
            .collect();
        for i in split.into_iter().rev() {
            let (fix, _) = planned.remove(i);
            left.push((
                fix,
                "the name is written in several places: rename them together",
            ));
        }
        out = splice(text, &planned);
    }
    outcomes.extend(planned.iter().map(|(f, _)| Outcome {
        fix: (*f).clone(),
        skipped: None,
    }));
    outcomes.extend(left.into_iter().map(|(f, why)| Outcome {
        fix: f.clone(),
        skipped: Some(why),
    }));
    outcomes.sort_by_key(|o| o.fix.span.start);
    (out, outcomes)
}

/// `text` with each planned span replaced (spans in order, not overlapping), in one pass.
fn splice(text: &str, planned: &[(&Fix, String)]) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for (fix, repr) in planned {
        out.push_str(&text[at..fix.span.start]);
        out.push_str(repr);
        at = fix.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The table at `path` (keys from the top) of a parsed file.
fn table_at<'d>(
    doc: &'d toml::de::DeTable<'d>,
    path: &[String],
) -> Option<&'d toml::de::DeTable<'d>> {
    let mut table = doc;
    for key in path {
        match table.get(key.as_str())?.get_ref() {
            toml::de::DeValue::Table(t) => table = t,
            _ => return None,
        }
    }
    Some(table)
}

/// How `fix.to` is written in place of `found`, a string or a key that reads `fix.from`.
fn rewritten(found: &str, fix: &Fix) -> Option<String> {
    let [to] = fix.to.as_slice() else {
        return None;
    };
    if let Ok(value) = found.parse::<toml_edit::Value>() {
        return (value.as_str() == Some(fix.from.as_str()))
            .then(|| toml_edit::Value::from(to.as_str()).to_string());
    }
    let keys = toml_edit::Key::parse(found).ok()?;
    match keys.as_slice() {
        [key] if key.get() == fix.from => Some(toml_edit::Key::new(to).display_repr().into_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{Fix, apply};
    use crate::diag::FixPass;

    /// A fix of the `nth` `from` in `text`; `table` for a key (the keys of its table).
    fn fix(text: &str, from: &str, to: &str, nth: usize, table: Option<&[&str]>) -> Fix {
        let start = text.match_indices(from).nth(nth).expect("in the text").0;
        let (start, end) = if text[..start].ends_with('"') {
            (start - 1, start + from.len() + 1)
        } else {
            (start, start + from.len())
        };
        Fix {
            pass: FixPass::Id,
            span: start..end,
            from: from.to_owned(),
            to: vec![to.to_owned()],
            table: table.map(|t| t.iter().map(|k| (*k).to_owned()).collect()),
        }
    }

    #[test]
    fn a_fix_keeps_everything_else_as_it_was() {
        let text = "[people.ann]  # the lead\nrolse = [ \"web-develper\" , 'qa-tester' ]\n";
        let fixes = [
            fix(text, "rolse", "roles", 0, Some(&["people", "ann"])),
            fix(text, "web-develper", "web-developer", 0, None),
        ];
        let (out, outcomes) = apply(text, &fixes);
        assert_eq!(
            out,
            "[people.ann]  # the lead\nroles = [ \"web-developer\" , 'qa-tester' ]\n"
        );
        assert!(outcomes.iter().all(|o| o.skipped.is_none()));
    }

    #[test]
    fn a_fix_onto_an_existing_key_is_left_out_and_the_others_made() {
        let text = "[raci.plan-promotions]\naccountable = \"a\"\n\n[raci.plan-promtions]\naccountable = \"web-develper\"\n";
        let (out, outcomes) = apply(
            text,
            &[
                fix(
                    text,
                    "plan-promtions",
                    "plan-promotions",
                    0,
                    Some(&["raci"]),
                ),
                fix(text, "web-develper", "web-developer", 0, None),
            ],
        );
        assert_eq!(out, text.replace("web-develper", "web-developer"));
        assert_eq!(
            outcomes[0].skipped,
            Some("the new name is already used there")
        );
        assert_eq!(outcomes[1].skipped, None);
    }

    #[test]
    fn a_name_written_in_several_places_is_left() {
        // One finding for `peopel`, at its first place: renaming it there alone would split
        // the table in two.
        let text = "[peopel.ann]\nroles = []\n\n[peopel.bob]\nroles = []\n";
        let (out, outcomes) = apply(text, &[fix(text, "peopel", "people", 0, Some(&[]))]);
        assert_eq!(out, text);
        assert_eq!(
            outcomes[0].skipped,
            Some("the name is written in several places: rename them together")
        );
    }

    #[test]
    fn a_fix_where_the_text_moved_is_left_out() {
        let text = "roles = [\"web-develper\"]\n";
        let mut f = fix(text, "web-develper", "web-developer", 0, None);
        f.span = 0..5;
        let (out, outcomes) = apply(text, &[f]);
        assert_eq!(out, text);
        assert_eq!(
            outcomes[0].skipped,
            Some("the file no longer reads what was found")
        );
    }

    #[test]
    fn a_quoted_name_stays_quoted() {
        let text = "[raci.\"a b\"]\n";
        let start = text.find("\"a b\"").expect("key");
        let f = Fix {
            pass: FixPass::Id,
            span: start..start + 5,
            from: "a b".to_owned(),
            to: vec!["a-b".to_owned()],
            table: Some(vec!["raci".to_owned()]),
        };
        assert_eq!(apply(text, &[f]).0, "[raci.\"a-b\"]\n");
    }
}

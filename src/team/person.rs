//! A `[people.ID]` entry made a [`Person`]: its fte, roles and leads, and what a plan adds
//! (dates, an open position, a cost), each checked where it is written.

use std::ops::Range;
use std::sync::Arc;

use jiff::civil::Date;
use toml::Spanned;
use toml::value::Datetime;

use super::file::{PersonEntry, Status};
use super::model::{Person, Planned, Ref};
use crate::diag::finding::Finding;
use crate::diag::rule::Rule;
use crate::diag::source::SourceFile;
use crate::input::toml_error::Wording;

const FTE_HELP: &str =
    "fte is the share of this person's time given to this team: 1.0 is full time, 0.5 half";

/// The largest yearly cost taken: sums of many stay exact to the cent.
const MAX_COST: f64 = 1e12;

/// The wording of an fte outside (0, 1].
#[must_use]
pub fn fte_out_of_range(value: f64) -> Wording {
    Wording {
        message: format!("`fte` must be more than 0 and at most 1, not {value}"),
        help: FTE_HELP.to_owned(),
    }
}

/// The person of a `[people.ID]` entry; each problem with it is pushed to `errors`.
pub(super) fn build_person(
    source: &Arc<SourceFile>,
    key: Spanned<String>,
    entry: PersonEntry,
    errors: &mut Vec<Finding>,
) -> Person {
    let mut error = |span: Range<usize>, message: String, help: &str| {
        errors.push(Finding::new(
            Rule::ParseError,
            source,
            Some(span),
            message,
            help,
        ));
    };
    let span = key.span();
    let id = key.into_inner();
    let fte = match entry.fte {
        None => 1.0,
        Some(fte) => {
            let v = *fte.get_ref();
            if v.is_nan() || v <= 0.0 || v > 1.0 {
                let Wording { message, help } = fte_out_of_range(v);
                error(fte.span(), message, &help);
            }
            v
        }
    };
    let (roles, roles_span) = match entry.roles {
        Some(r) => {
            let span = r.span();
            (r.into_inner().into_iter().map(Ref::from).collect(), span)
        }
        None => (Box::default(), span.clone()),
    };
    let start = entry.start.and_then(|d| date(&d, "start", &mut error));
    let end = entry.end.as_ref().and_then(|d| date(d, "end", &mut error));
    if let (Some(s), Some(e), Some(written)) = (start, end, &entry.end) {
        if e < s {
            error(
                written.span(),
                format!("`end` ({e}) is before `start` ({s})"),
                "both days are inclusive: `end` is the last day, on or after `start`",
            );
        }
    }
    let open = entry.status == Some(Status::Open);
    if open && start.is_none() {
        error(
            span.clone(),
            format!("the open position `{id}` has no `start`"),
            "add the day the hire is planned to begin: `start = 2027-03-01`",
        );
    }
    let cost = entry.cost.map(|c| {
        // -0.0 is 0 (a minus sign would reach the outputs).
        let v = *c.get_ref() + 0.0;
        if !v.is_finite() || !(0.0..=MAX_COST).contains(&v) {
            error(
                c.span(),
                format!("`cost` must be a number from 0 to a trillion, not {v}"),
                "cost is per year at this person's fte, in the team's `currency`",
            );
        }
        v
    });
    let plan = Planned {
        start,
        end,
        open,
        backfills: entry.backfills.map(Ref::from),
        cost,
    };
    Person {
        name: entry.name.map_or_else(|| id.as_str().into(), Into::into),
        id: id.into(),
        span,
        email: entry.email.map(String::into_boxed_str),
        roles,
        roles_span,
        fte,
        engagement: entry.engagement.unwrap_or_default(),
        leads: entry.leads.into_iter().map(Ref::from).collect(),
        plan: (plan != Planned::default()).then(|| Box::new(plan)),
    }
}

/// A date as a plan reads it: a TOML local date, with no time.
fn date(
    written: &Spanned<Datetime>,
    key: &str,
    error: &mut impl FnMut(Range<usize>, String, &str),
) -> Option<Date> {
    let value = written.get_ref();
    let day = match (value.date, value.time, value.offset) {
        (Some(d), None, None) => Date::new(
            i16::try_from(d.year).ok()?,
            i8::try_from(d.month).ok()?,
            i8::try_from(d.day).ok()?,
        )
        .ok(),
        _ => None,
    };
    if day.is_none() {
        error(
            written.span(),
            format!("`{key}` must be a day, as in `{key} = 2027-03-01`, not `{value}`"),
            "write the date alone: no time, no offset, no quotes",
        );
    }
    day
}

/// A `currency`: three capital letters (ISO 4217), or an error at it.
pub(super) fn check_currency(
    source: &Arc<SourceFile>,
    currency: Option<&Spanned<String>>,
    errors: &mut Vec<Finding>,
) {
    let Some(c) = currency else { return };
    let code = c.get_ref();
    let help = if code.len() == 3 && code.is_ascii() {
        format!(
            "write the code in capitals: `currency = \"{}\"`",
            code.to_ascii_uppercase()
        )
    } else {
        "write the code in capitals: `currency = \"EUR\"`".to_owned()
    };
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        errors.push(Finding::new(
            Rule::ParseError,
            source,
            Some(c.span()),
            format!(
                "`currency` is a three-letter ISO 4217 code, as in \"EUR\" or \"USD\", not {:?}",
                crate::diag::source::shorten(code, 20)
            ),
            &help,
        ));
    }
}

/// Move who holds nothing on `day` out of `people` into the list returned: open positions,
/// and (when the day is known) people not started yet or gone.
#[allow(
    clippy::vec_box,
    reason = "a team's people are boxed (see `Team::people`)"
)]
pub(super) fn set_aside(people: &mut Vec<Box<Person>>, day: Option<Date>) -> Vec<Box<Person>> {
    if people.iter().all(|p| p.holds_on(day)) {
        return Vec::new();
    }
    let (holding, off): (Vec<_>, Vec<_>) = std::mem::take(people)
        .into_iter()
        .partition(|p| p.holds_on(day));
    *people = holding;
    off
}

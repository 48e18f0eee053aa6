//! Values on the command line that stand for domain types: `--by`, `--area`, rule names.

use clap::ValueEnum;

use crate::catalog::Area;
use crate::diag::Rule;
use crate::render::matrix::By;

/// What the columns of a RACI matrix are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RaciBy {
    Person,
    Role,
}

impl From<RaciBy> for By {
    fn from(by: RaciBy) -> Self {
        match by {
            RaciBy::Person => By::Person,
            RaciBy::Role => By::Role,
        }
    }
}

/// `--at` or `TEAMPLAN_AT`: a day, or nothing when blank (a CI workflow that passes an
/// unset variable sets it to the empty string).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day(pub Option<jiff::civil::Date>);

/// `--at`'s value: blank is no day.
pub(super) fn maybe_day(value: &str) -> Result<Day, String> {
    if value.trim().is_empty() {
        Ok(Day(None))
    } else {
        day(value).map(|d| Day(Some(d)))
    }
}

/// A day, as `--at 2027-03-01` (or `TEAMPLAN_AT`) writes it.
pub(super) fn day(value: &str) -> Result<jiff::civil::Date, String> {
    value.trim().parse().map_err(|_| {
        format!("`{value}` is not a date: write the day as YYYY-MM-DD, as in 2027-03-01")
    })
}

/// A folder that exists (`--root`).
pub(super) fn existing_folder(value: &str) -> Result<std::path::PathBuf, String> {
    let path = std::path::PathBuf::from(value);
    if path.is_dir() {
        Ok(path)
    } else {
        Err(format!("`{value}` is not a folder"))
    }
}

/// `--namespace`: a Backstage namespace.
pub(super) fn namespace(value: &str) -> Result<String, String> {
    if crate::render::backstage::is_namespace(value) {
        Ok(value.to_owned())
    } else {
        Err(format!(
            "a Backstage namespace is 1 to {} lower-case letters and digits, in runs joined by single `-` (e.g. `retail` or `acme-retail`)",
            crate::render::backstage::MAX_NAME
        ))
    }
}

/// `--area`: one of the catalog areas, by name.
pub(super) fn area_parser() -> impl clap::builder::TypedValueParser<Value = Area> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(Area::ALL.map(Area::as_str)).try_map(|name| {
        Area::ALL
            .into_iter()
            .find(|a| a.as_str() == name)
            .ok_or("not an area")
    })
}

impl clap::builder::ValueParserFactory for Rule {
    type Parser = RuleParser;
    fn value_parser() -> Self::Parser {
        RuleParser
    }
}

/// Parses rule names with a did-you-mean on mistakes.
#[derive(Debug, Clone, Copy)]
pub struct RuleParser;

impl clap::builder::TypedValueParser for RuleParser {
    type Value = Rule;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Rule, clap::Error> {
        let s = value.to_string_lossy();
        s.parse::<Rule>().map_err(|e| {
            clap::Error::raw(clap::error::ErrorKind::InvalidValue, format!("{e}\n")).with_cmd(cmd)
        })
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            Rule::configurable().map(|r| clap::builder::PossibleValue::new(r.name())),
        ))
    }
}

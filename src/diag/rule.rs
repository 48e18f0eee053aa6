//! The rule names, their default levels and the one-line description of each.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// How a rule is treated: like lint levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LintLevel {
    Allow,
    Warn,
    Deny,
}

/// The level of a finding that was reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

macro_rules! rules {
    ($( $variant:ident => $name:literal, $level:ident, $summary:literal; )*) => {
        /// Every check teamplan makes, by its stable kebab-case name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule { $( $variant, )* }

        impl Rule {
            /// Every rule, in documentation order.
            pub const ALL: &'static [Rule] = &[ $( Rule::$variant, )* ];

            /// The stable name used in files, on the command line and in output.
            #[must_use]
            pub fn name(self) -> &'static str {
                match self { $( Rule::$variant => $name, )* }
            }

            /// The level a rule has unless a team file or the command line says otherwise.
            #[must_use]
            pub fn default_level(self) -> LintLevel {
                match self { $( Rule::$variant => LintLevel::$level, )* }
            }

            /// One line: when the rule fires.
            #[must_use]
            pub fn summary(self) -> &'static str {
                match self { $( Rule::$variant => $summary, )* }
            }
        }
    };
}

rules! {
    MissingRole => "missing-role", Deny, "a required role of the catalog has no holder";
    PlannedHire => "planned-hire", Warn, "a required role waits for an open position (or a new starter) whose start is still ahead";
    MissingRecommendedRole => "missing-recommended-role", Warn, "a recommended role of the catalog has no holder";
    NoAccountable => "no-accountable", Deny, "an activity resolves with no one accountable";
    NoResponsible => "no-responsible", Deny, "an activity resolves with no one responsible";
    MultipleAccountable => "multiple-accountable", Deny, "an activity resolves with more than one accountable person";
    NoLead => "no-lead", Deny, "several people hold a role that is accountable for something, and none leads it";
    MultipleLeads => "multiple-leads", Deny, "two people lead the same role";
    LeadNotHeld => "lead-not-held", Deny, "a person leads a role they do not hold";
    Overloaded => "overloaded", Warn, "a person is A or R on more activities than their fte allows, or holds too many roles";
    SharedSingleRole => "shared-single-role", Warn, "a role meant for one holder has several";
    ConflictingRoles => "conflicting-roles", Warn, "one person holds two roles that should be kept apart";
    NotConsulted => "not-consulted", Warn, "a role the activity must consult is left out";
    NotInformed => "not-informed", Warn, "a role the activity must inform is left out";
    OutsourcedAccountability => "outsourced-accountability", Warn, "an activity to keep in-house has a contractor or agency accountable";
    OverAllocated => "over-allocated", Deny, "one person sums to more than 1.0 fte across the teams checked together";
    UnknownRole => "unknown-role", Deny, "a role reference matches no role of the catalog";
    TeamAsRole => "team-as-role", Warn, "a person lists a team name (`it-team`) among their roles";
    UnknownPerson => "unknown-person", Deny, "a RACI override names no person or role of the team";
    UnknownActivity => "unknown-activity", Deny, "a RACI override names no activity of the catalog";
    PersonWithoutRoles => "person-without-roles", Warn, "a person holds no role";
    DuplicateTeam => "duplicate-team", Deny, "two files checked together declare the same team name";
    DuplicateOverride => "duplicate-override", Deny, "two units of an org override the same activity";
    InconsistentPerson => "inconsistent-person", Warn, "one person id has different names or emails in different team files";
    NotATeamFile => "not-a-team-file", Warn, "a *.toml file in a checked folder is neither a team file nor a catalog file";
    ParseError => "parse-error", Deny, "a file cannot be read, parsed, or does not have the expected shape";
    InvalidCatalog => "invalid-catalog", Deny, "a catalog is not internally consistent";
}

impl Rule {
    /// Whether `--allow`/`[rules]` may change this rule's level. Unreadable input never can.
    #[must_use]
    pub fn is_configurable(self) -> bool {
        !matches!(self, Rule::ParseError | Rule::InvalidCatalog)
    }

    /// Whether the finding means the input could not be read at all (exit code 2).
    #[must_use]
    pub fn is_unreadable(self) -> bool {
        !self.is_configurable()
    }

    /// Whether the finding is about what a file says rather than what it means for the
    /// team: a name that matches nothing, a file that cannot be read. These come first in a
    /// file's findings, before the gaps and overlaps they may cause (a misspelt role reads
    /// before the `missing-role` it leads to).
    #[must_use]
    pub fn is_about_the_text(self) -> bool {
        matches!(
            self,
            Rule::ParseError
                | Rule::InvalidCatalog
                | Rule::UnknownRole
                | Rule::UnknownPerson
                | Rule::UnknownActivity
                | Rule::LeadNotHeld
                | Rule::MultipleLeads
        )
    }

    /// The rules a user may configure.
    pub fn configurable() -> impl Iterator<Item = Rule> {
        Rule::ALL.iter().copied().filter(|r| r.is_configurable())
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// The error of parsing a rule name: carries a suggestion.
#[derive(Debug, Clone)]
pub struct UnknownRuleName {
    pub name: String,
    pub suggestion: Option<&'static str>,
}

impl fmt::Display for UnknownRuleName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown rule `{}`", self.name)?;
        if let Some(s) = self.suggestion {
            write!(f, "; did you mean `{s}`?")?;
        }
        write!(f, " (`teamplan explain --list` lists them)")
    }
}

impl std::error::Error for UnknownRuleName {}

impl FromStr for Rule {
    type Err = UnknownRuleName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Rule::configurable()
            .find(|r| r.name() == s)
            .ok_or_else(|| UnknownRuleName {
                name: s.to_owned(),
                suggestion: crate::diag::suggest::did_you_mean(
                    s,
                    Rule::configurable().map(Rule::name),
                ),
            })
    }
}

//! Why a catalog says what it says: a passage of a document it names, or its own judgement.
//!
//! In a catalog file a role or an activity has `source = { document, section, quote }` (or,
//! in a custom catalog, `source = "a free note"`), or `basis = "editorial"` with a `reason`.
//! Each choice it makes has its own under `why` (`why.reports-to = { ... }`): a passage in
//! the same shape, or `{ basis = "editorial", reason = "..." }`. A file that changes a choice
//! without saying why drops the basis it inherited for it: a basis holds for the choice it
//! was written for.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A document a catalog quotes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// What the document is called.
    pub title: String,
    /// Where it can be read, if anywhere.
    #[serde(default)]
    pub url: Option<String>,
}

/// The longest passage a source may quote.
pub const QUOTE_MAX: usize = 200;

/// Why a role, an activity or one of their choices is in a catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// A passage of one of the catalog's documents.
    Source {
        document: String,
        section: String,
        quote: String,
    },
    /// The catalog's own judgement, and why.
    Editorial { reason: String },
    /// A note in the catalog author's own words.
    Note(String),
}

/// The one value `basis` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Editorial {
    Editorial,
}

/// A basis as written: a passage, or `basis = "editorial"` with a `reason`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BasisSpec {
    /// The id of a document in the catalog's `[documents]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// The heading of the document the passage is under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The passage, word for word (at most 200 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// `"editorial"`: the catalog's own judgement, with a `reason`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Editorial>,
    /// Why the catalog judged so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// A free note (`source = "..."` on a role or an activity).
    #[serde(skip)]
    pub note: Option<String>,
}

/// A role's or an activity's `source` as written: a passage, or a note.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum SourceSpec {
    Note(String),
    Passage(Passage),
}

/// A passage of a document: which, under which heading, and its words.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    pub document: String,
    pub section: String,
    pub quote: String,
}

impl BasisSpec {
    /// The basis of a role or an activity, from its `source`, `basis` and `reason` keys.
    #[must_use]
    pub fn of_entity(
        source: Option<SourceSpec>,
        basis: Option<Editorial>,
        reason: Option<String>,
    ) -> Option<Self> {
        if source.is_none() && basis.is_none() && reason.is_none() {
            return None;
        }
        let mut spec = Self {
            basis,
            reason,
            ..Self::default()
        };
        match source {
            Some(SourceSpec::Note(note)) => spec.note = Some(note),
            Some(SourceSpec::Passage(Passage {
                document,
                section,
                quote,
            })) => {
                spec.document = Some(document);
                spec.section = Some(section);
                spec.quote = Some(quote);
            }
            None => {}
        }
        Some(spec)
    }

    /// The basis this spec says, or what is wrong with it and how to fix it.
    ///
    /// # Errors
    /// A passage that lacks a part, is too long or names a document `known` does not know;
    /// an editorial basis without a reason; both at once.
    pub fn to_basis(&self, known: &dyn Fn(&str) -> bool) -> Result<Basis, (String, &'static str)> {
        let problem = |message: String, help: &'static str| (message, help);
        let passage = self.document.is_some() || self.section.is_some() || self.quote.is_some();
        match (self.basis, passage, &self.note) {
            (Some(Editorial::Editorial), false, None) => match &self.reason {
                Some(reason) if !reason.trim().is_empty() => Ok(Basis::Editorial {
                    reason: reason.clone(),
                }),
                _ => Err(problem(
                    "an editorial basis needs a `reason`".to_owned(),
                    "add `reason = \"...\"`: one line saying what was judged and why",
                )),
            },
            (Some(_), _, _) => Err(problem(
                "is both editorial and sourced".to_owned(),
                "keep either the passage (`document`, `section`, `quote`) or `basis = \"editorial\"` with a `reason`",
            )),
            (None, _, _) if self.reason.is_some() => Err(problem(
                "has a `reason` but is not editorial".to_owned(),
                "add `basis = \"editorial\"`, or drop the `reason`",
            )),
            (None, false, Some(note)) => Ok(Basis::Note(note.clone())),
            (None, _, _) => {
                let (Some(document), Some(section), Some(quote)) =
                    (&self.document, &self.section, &self.quote)
                else {
                    return Err(problem(
                        "a source needs `document`, `section` and `quote`".to_owned(),
                        "quote the passage: `{ document = \"...\", section = \"...\", quote = \"...\" }`",
                    ));
                };
                if !known(document) {
                    return Err(problem(
                        format!("quotes document `{document}`, which the catalog does not list"),
                        "add it under `[documents]`: `[documents.ID] title = \"...\"`",
                    ));
                }
                if quote.trim().is_empty() {
                    return Err(problem(
                        "its quote is empty".to_owned(),
                        "quote the passage that says it, 1 to 200 characters",
                    ));
                }
                if quote.chars().count() > QUOTE_MAX {
                    return Err(problem(
                        format!("its quote has {} characters", quote.chars().count()),
                        "quote the passage that says it, 1 to 200 characters",
                    ));
                }
                Ok(Basis::Source {
                    document: document.clone(),
                    section: section.clone(),
                    quote: quote.clone(),
                })
            }
        }
    }
}

impl From<&Basis> for BasisSpec {
    fn from(b: &Basis) -> Self {
        match b {
            Basis::Source {
                document,
                section,
                quote,
            } => Self {
                document: Some(document.clone()),
                section: Some(section.clone()),
                quote: Some(quote.clone()),
                ..Self::default()
            },
            Basis::Editorial { reason } => Self {
                basis: Some(Editorial::Editorial),
                reason: Some(reason.clone()),
                ..Self::default()
            },
            Basis::Note(note) => Self {
                note: Some(note.clone()),
                ..Self::default()
            },
        }
    }
}

/// The choices of a role that carry a basis of their own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RoleWhy<B> {
    pub requirement: Option<B>,
    pub reports_to: Option<B>,
    pub single: Option<B>,
    pub conflicts: Option<B>,
    pub aliases: Option<B>,
}

/// The choices of an activity that carry a basis of their own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ActivityWhy<B> {
    pub raci: Option<B>,
    pub keep_in_house: Option<B>,
    pub must_consult: Option<B>,
    pub must_inform: Option<B>,
}

/// The limits' bases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LimitsWhy<B> {
    pub ra_per_fte: Option<B>,
    pub roles_per_person: Option<B>,
}

/// A file's word on one choice: if it changes the choice, the basis it gives (or none:
/// the inherited one no longer holds); if not, a new basis replaces the old one.
pub fn choose<B>(slot: &mut Option<B>, changed: bool, given: Option<B>) {
    if changed || given.is_some() {
        *slot = given;
    }
}

/// Every choice of a `why`, by its key.
pub trait Choices<B> {
    fn each(&self) -> Vec<(&'static str, &B)>;
    /// The same choices, each basis mapped (checked) into another form; `None` drops it.
    fn map<C>(&self, f: impl FnMut(&'static str, &B) -> Option<C>) -> Self::Out<C>;
    type Out<C>;
}

macro_rules! choices {
    ($ty:ident { $($field:ident: $key:literal),* $(,)? }) => {
        impl<B> Default for $ty<B> {
            fn default() -> Self {
                Self { $($field: None,)* }
            }
        }

        impl<B> Choices<B> for $ty<B> {
            type Out<C> = $ty<C>;
            fn each(&self) -> Vec<(&'static str, &B)> {
                let mut out = Vec::new();
                $(if let Some(b) = &self.$field { out.push(($key, b)); })*
                out
            }
            fn map<C>(&self, mut f: impl FnMut(&'static str, &B) -> Option<C>) -> $ty<C> {
                $ty { $($field: self.$field.as_ref().and_then(|b| f($key, b)),)* }
            }
        }
    };
}

choices!(RoleWhy {
    requirement: "requirement",
    reports_to: "reports-to",
    single: "single",
    conflicts: "conflicts",
    aliases: "aliases"
});
choices!(ActivityWhy {
    raci: "raci",
    keep_in_house: "keep-in-house",
    must_consult: "must-consult",
    must_inform: "must-inform"
});
choices!(LimitsWhy {
    ra_per_fte: "ra-per-fte",
    roles_per_person: "roles-per-person"
});

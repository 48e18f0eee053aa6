//! A finding: what a rule or the loader reports. Data only; reporters render it.

use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::diag::rule::{Rule, Severity};
use crate::diag::source::{Excerpt, Position, SourceFile};

/// Extra facts a finding carries for scripts (`--format json`) and for grouping.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Context {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<String>,
}

impl Context {
    /// The same facts with every name cut to a readable length (ids are short; a huge one
    /// is hostile input and is not echoed whole into JSON).
    fn shortened(self) -> Self {
        let all = |v: Vec<String>| v.into_iter().map(short_name).collect();
        Self {
            role: self.role.map(short_name),
            activity: self.activity.map(short_name),
            person: self.person.map(short_name),
            people: all(self.people),
            roles: all(self.roles),
            activities: all(self.activities),
            teams: all(self.teams),
        }
    }
}

fn short_name(text: String) -> String {
    match crate::diag::source::shorten(&text, 200) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(cut) => cut,
    }
}

/// When a fix applies: keys first (a misspelt key hides the values under it), then the
/// catalog (ids are checked against it), then ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FixPass {
    Key,
    Catalog,
    Id,
}

/// A fix for the key or string at `span` (bytes of the finding's file), which reads `from`:
/// it becomes `to` when that is one name; several close names are no safe answer, and are
/// said rather than chosen from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub pass: FixPass,
    pub span: Range<usize>,
    pub from: String,
    pub to: Vec<String>,
    /// For a key, the keys of the table it is in (from the top of the file); None for a
    /// string value.
    pub table: Option<Vec<String>>,
}

/// One problem, at one place, with the help to fix it.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub rule: Rule,
    pub level: Severity,
    /// The team's name (of an org, the org's); empty where the file could not be read as a
    /// team.
    pub team: String,
    /// The unit of the org whose file the finding is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: String,
    /// Boxed, and None when empty: thousands of findings of a big org carry no facts or a
    /// few, and the struct of every fact is most of a finding's size.
    #[serde(flatten)]
    pub context: Option<Box<Context>>,
    #[serde(skip)]
    pub span: Option<Range<usize>>,
    #[serde(skip)]
    pub source: Option<Arc<SourceFile>>,
    /// The line shown under the finding (None: no span, a line too long to echo, or not
    /// yet [placed](Finding::place)).
    #[serde(skip)]
    pub excerpt: Option<Box<Excerpt>>,
    /// The fix `check --fix` may apply.
    #[serde(skip)]
    pub fix: Option<Box<Fix>>,
}

impl Finding {
    /// A finding at `span` of `source`, at the rule's default severity.
    pub fn new(
        rule: Rule,
        source: &Arc<SourceFile>,
        span: Option<Range<usize>>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        // In a file whose text was let go, the place is found once the text is read again.
        let Position { line, column } = match &span {
            Some(_) if source.released().is_some() => Position { line: 0, column: 0 },
            Some(s) => source.position(s.start),
            None => Position { line: 1, column: 1 },
        };
        let excerpt = span.as_ref().and_then(|s| source.excerpt(s)).map(Box::new);
        Self {
            rule,
            level: match rule.default_level() {
                crate::diag::rule::LintLevel::Warn => Severity::Warning,
                _ => Severity::Error,
            },
            team: String::new(),
            unit: None,
            file: source.path().display().to_string(),
            line,
            column,
            message: short(message.into()),
            help: short(help.into()),
            context: None,
            span,
            source: Some(Arc::clone(source)),
            excerpt,
            fix: None,
        }
    }

    /// Whether this finding points into a file whose text was let go, and waits for
    /// [`Finding::place`].
    #[must_use]
    pub fn needs_place(&self) -> bool {
        self.span.is_some()
            && self.source.as_ref().is_some_and(|s| s.released().is_some())
            && self.line == 0
    }

    /// Give this finding its line, column and excerpt from `full`, its file's text read
    /// again (the caller checked it is the text first read).
    pub fn place(&mut self, full: &SourceFile) {
        if let Some(span) = &self.span {
            let Position { line, column } = full.position(span.start);
            self.line = line;
            self.column = column;
            self.excerpt = full.excerpt(span).map(Box::new);
        }
    }

    /// A finding about a file that has no text to point into (unreadable, missing).
    pub fn without_source(
        rule: Rule,
        file: impl Into<String>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Self {
            rule,
            level: Severity::Error,
            team: String::new(),
            unit: None,
            file: file.into(),
            line: 1,
            column: 1,
            message: short(message.into()),
            help: short(help.into()),
            context: None,
            span: None,
            source: None,
            excerpt: None,
            fix: None,
        }
    }

    #[must_use]
    pub fn team(mut self, team: &str) -> Self {
        team.clone_into(&mut self.team);
        self
    }

    /// The fix for this finding, at `span` of its file: the names the misspelt `from` may
    /// have meant (none: no fix).
    #[must_use]
    pub fn fix(mut self, pass: FixPass, span: Range<usize>, from: &str, to: &[&str]) -> Self {
        self.fix = (!to.is_empty()).then(|| {
            Box::new(Fix {
                pass,
                span,
                from: from.to_owned(),
                to: to.iter().map(|s| (*s).to_owned()).collect(),
                table: None,
            })
        });
        self
    }

    /// [`Finding::fix`] for a key of the table at `table`.
    #[must_use]
    pub fn key_fix(self, span: Range<usize>, table: Vec<String>, from: &str, to: &[&str]) -> Self {
        let mut finding = self.fix(FixPass::Key, span, from, to);
        if let Some(fix) = &mut finding.fix {
            fix.table = Some(table);
        }
        finding
    }

    #[must_use]
    pub fn context(mut self, context: Context) -> Self {
        self.context = (context != Context::default()).then(|| Box::new(context.shortened()));
        self
    }

    /// The facts this finding carries (none: all empty).
    #[must_use]
    pub fn facts(&self) -> &Context {
        static NONE: Context = Context {
            role: None,
            activity: None,
            person: None,
            people: Vec::new(),
            roles: Vec::new(),
            activities: Vec::new(),
            teams: Vec::new(),
        };
        self.context.as_deref().unwrap_or(&NONE)
    }
}

/// Longest message or help line: a name quoted from a 50 MB file must not be echoed whole.
const MAX_TEXT_CHARS: usize = 500;

fn short(text: String) -> String {
    match crate::diag::source::shorten(&text, MAX_TEXT_CHARS) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(cut) => cut,
    }
}

//! `--format github`: GitHub Actions workflow commands, one per finding, so findings show
//! as annotations on the pull request.

use std::fmt::Write as _;

use super::Outcome;
use crate::rules::Severity;
use crate::source::escape_for_display_keep_lines as escape_for_display;

/// Escape a command's message as GitHub's runner expects.
#[must_use]
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value (`file=`, `title=`): the message escapes plus `:` and `,`.
#[must_use]
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One `::error file=F,line=L,col=C,title=RULE::message` line per finding.
#[must_use]
pub fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    for f in &outcome.findings {
        let command = match f.level {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Names from the file may carry escapes and bidi overrides: shown, not obeyed.
        let mut message = escape_for_display(&f.message).into_owned();
        if !f.team.is_empty() {
            message = format!("{}: {message}", escape_for_display(&f.team));
        }
        if !f.help.is_empty() {
            message.push_str("\nhelp: ");
            message.push_str(&escape_for_display(&f.help));
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},title={}::{}",
            escape_property(&escape_for_display(&f.file)),
            f.line,
            f.column,
            escape_property(&format!("teamplan {}", f.rule)),
            escape_data(&message)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_runner_rules() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a,b:c%"), "a%2Cb%3Ac%25");
    }
}

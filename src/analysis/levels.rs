//! Rule levels: the command line's `--allow/--warn/--deny` win over a file's `[rules]`,
//! which win over each rule's default.

use std::collections::HashMap;

use crate::diag::finding::Finding;
use crate::diag::rule::{LintLevel, Rule, Severity};

/// Rule levels from the command line, which win over a team file's `[rules]`.
#[derive(Debug, Clone, Default)]
pub struct LevelOverrides {
    cli: HashMap<Rule, LintLevel>,
}

impl LevelOverrides {
    /// Set a rule's level for this run.
    pub fn set(&mut self, rule: Rule, level: LintLevel) {
        self.cli.insert(rule, level);
    }

    /// Apply levels: drop allowed findings, set the severity of the rest.
    pub fn apply(
        &self,
        findings: Vec<Finding>,
        file_levels: &HashMap<String, Vec<(Rule, LintLevel)>>,
    ) -> Vec<Finding> {
        findings
            .into_iter()
            .filter_map(|mut f| {
                let level = if f.rule.is_configurable() {
                    self.cli
                        .get(&f.rule)
                        .copied()
                        .or_else(|| {
                            file_levels
                                .get(&f.file)
                                .and_then(|levels| levels.iter().rev().find(|(r, _)| *r == f.rule))
                                .map(|(_, l)| *l)
                        })
                        .unwrap_or_else(|| f.rule.default_level())
                } else {
                    LintLevel::Deny
                };
                f.level = match level {
                    LintLevel::Allow => return None,
                    LintLevel::Warn => Severity::Warning,
                    LintLevel::Deny => Severity::Error,
                };
                Some(f)
            })
            .collect()
    }
}

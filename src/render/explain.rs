//! `teamplan explain RULE`: what each rule checks, why it matters, an example that fires, and
//! how to fix it.

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};

use super::style;
use super::width::prose_width;
use crate::diag::rule::{LintLevel, Rule};

/// The long explanation of a rule.
pub struct Explanation {
    pub why: &'static str,
    pub example: &'static str,
    pub fix: &'static str,
}

/// The explanation of every rule; a test makes sure none is missing.
#[must_use]
pub fn explain(rule: Rule) -> Explanation {
    let (why, example, fix) = match rule {
        Rule::MissingRole => (
            "The catalog marks the role as one the business cannot run without: it is accountable or responsible for activities no one else covers. One finding names the role and lists the activities it leaves without an accountable or responsible person; those activities are not reported again one by one.",
            "[team]\nname = \"Shop\"\ncatalog = \"small-team\"\n\n[people.maya]\nroles = [\"ecommerce-manager\"]\n# no one holds web-developer, digital-marketing-specialist or customer-service-representative",
            "Add the role id (or an alias) to the `roles` of the person who does that work. If nobody does, that is the gap to hire or contract for.",
        ),
        Rule::PlannedHire => (
            "A plan says who will hold a role before they do. On the day checked (`--at`, `TEAMPLAN_AT`, else today) a required role no one holds, but an open position or a person who has not started yet will, is a known gap with an end date: a warning naming who and when, not a `missing-role`. Once the start has passed and the position is still open, it covers nothing, and `missing-role` names it.",
            "[people.hire-cs]\nname = \"Customer service representative (to hire)\"\nstatus = \"open\"\nroles = [\"customer-service-representative\"]\nstart = 2027-03-01   # checked on 2027-01-15: a planned hire",
            "Until the start, give the role to someone on the team (their `roles`), or bring the start forward. Once hired, remove `status = \"open\"` from the position (and give it the person's name). `teamplan plan` shows when each gap closes.",
        ),
        Rule::MissingRecommendedRole => (
            "A healthy team of this kind has the role; without it, its activities fall to people whose main job is something else.",
            "[team]\nname = \"Shop\"\ncatalog = \"b2b\"\n# ... but nobody holds \"web-designer\"",
            "Give the role to someone, or accept the gap for this team with `missing-recommended-role = \"allow\"` in [rules].",
        ),
        Rule::NoAccountable => (
            "Every activity needs exactly one person who answers for it (the A of RACI). Without one, decisions stall and problems have no owner. The built-in catalogs give every activity an accountable role that a complete team carries (a missing required role is reported once, as `missing-role`), so this fires where a custom catalog's accountable role, or one an override names, reaches nobody.",
            "# a custom catalog whose `launch` activity is accountable to a role\n# that is neither held nor falls up to a held one",
            "Name a person in the override's `accountable`, or a role someone holds; leave `accountable` out to keep the catalog's.",
        ),
        Rule::NoLead => (
            "When several people hold a role, one of them answers for it: the role's A goes to its lead, and everyone holding it keeps its R, C and I. Five sales representatives are one sales team with one lead, not five people accountable for the same deal. Without a lead, every holder would be accountable for the role's activities.",
            "[people.gus]\nroles = [\"sales-representative\"]\n\n[people.ines]\nroles = [\"sales-representative\"]   # neither leads the role",
            "Add `leads = [\"ROLE\"]` to the one person who answers for the role; or give the role to one person.",
        ),
        Rule::MultipleLeads => (
            "A role has one lead: two people who both lead it would both be accountable for its activities.",
            "[people.gus]\nroles = [\"sales-representative\"]\nleads = [\"sales-representative\"]\n\n[people.ines]\nroles = [\"sales-representative\"]\nleads = [\"sales-representative\"]   # the second lead",
            "Keep the role in one person's `leads`.",
        ),
        Rule::LeadNotHeld => (
            "A person leads the people holding a role alongside them; leading a role they do not hold (or a name that is no role) says nothing the matrix can use.",
            "[people.gus]\nroles = [\"sales-representative\"]\nleads = [\"marketing-manager\"]   # not one of Gus's roles",
            "Add the role to the person's `roles`, or remove it from their `leads`.",
        ),
        Rule::DuplicateOverride => (
            "An org's matrix is one matrix: each activity has one override at most. When two units both override an activity, one of them would silently lose; which one wins would depend on file order.",
            "# sales.toml\n[raci.pricing-strategy]\naccountable = \"gus\"\n\n# marketing.toml\n[raci.pricing-strategy]   # the second override\naccountable = \"maya\"",
            "Keep the override in the unit that owns the activity, and put every letter it needs there.",
        ),
        Rule::TeamAsRole => (
            "A team name says who people work with, not which role they hold: the IT team has developers and testers, and a tester must not check their own work. A team name that stands for one role (`content-team`) counts as that role; one that stands for several (`it-team`) gives the person none of them.",
            "[people.kim]\nroles = [\"it-team\"]",
            "List the roles the person holds; the help names the roles that team holds.",
        ),
        Rule::NoResponsible => (
            "Someone has to do the work (the R of RACI). An activity with only an accountable person is a wish, not a plan.",
            "[raci.process-returns]\naccountable = \"maya\"   # responsible is missing",
            "Set `responsible = [\"PERSON-OR-ROLE\"]` in the override.",
        ),
        Rule::MultipleAccountable => (
            "RACI's central rule: one accountable person per activity. Two people answering for the same thing means neither does. A role held by two people makes every activity it is accountable for shared; that is one finding per role.",
            "[people.claire]\nroles = [\"director-of-ecommerce\"]\n\n[people.hugo]\nroles = [\"director-of-ecommerce\"]",
            "Keep the accountable role with one person, or add [raci.ACTIVITY] overrides that name one accountable person for the activities you split.",
        ),
        Rule::Overloaded => (
            "A person accountable or responsible for more activities than their time allows becomes the bottleneck; a person holding many roles cannot do any of them well. The limits are catalog data (`limits.ra-per-fte` and `limits.roles-per-person`): a small team expects more hats than a B2B organisation.",
            "[people.al]\nroles = [\"ecommerce-manager\", \"digital-marketer\"]\nfte = 0.3",
            "Move roles to other people, raise the person's fte, or allow the rule for a team that knowingly runs lean.",
        ),
        Rule::SharedSingleRole => (
            "Some roles are meant for one person (a head of digital, an e-commerce manager): sharing them blurs who decides.",
            "[people.a]\nroles = [\"ecommerce-manager\"]\n\n[people.b]\nroles = [\"ecommerce-manager\"]",
            "Keep one holder and give the others a role of their own.",
        ),
        Rule::ConflictingRoles => (
            "Separation of duties: some roles check the work of others. A tester who tests their own development finds fewer bugs (Adobe's guidance: testers test every scenario that could break what the developers build).",
            "[people.bo]\nroles = [\"web-developer\", \"qa-tester\"]",
            "Give one of the two roles to someone else.",
        ),
        Rule::NotConsulted => (
            "The catalog records coordination the source documents insist on: a promotion planned without asking whoever owns inventory sells stock that is not there and floods customer service.",
            "[raci.plan-promotions]\naccountable = \"mia\"\nresponsible = [\"jules\"]\n# the inventory manager is not consulted",
            "Add the role (or its holder) to `consulted` of the override.",
        ),
        Rule::NotInformed => (
            "Some activities must be announced to a role: customer service has to know about promotions before customers ask about them.",
            "[raci.plan-promotions]\naccountable = \"mia\"\nresponsible = [\"jules\"]\n# customer service is not informed",
            "Add the role (or its holder) to `informed` of the override.",
        ),
        Rule::OutsourcedAccountability => (
            "Most teams blend staff, contractors and agencies, but the B2B team whitepaper advises keeping strategy, budgets, contracts and similar accountability in-house: an outside party cannot answer for the business's own decisions.",
            "[people.webco]\nroles = [\"head-of-digital\"]\nengagement = \"agency\"",
            "Make an employee accountable; the contractor or agency can stay responsible for the work.",
        ),
        Rule::OverAllocated => (
            "One person cannot give more than their whole time across teams. When files are checked together, a person id is the same person everywhere.",
            "# teams/web.toml\n[people.alice]\nfte = 0.7\n\n# teams/ops.toml\n[people.alice]\nfte = 0.5",
            "Lower `fte` in some teams so the total is at most 1.0, or use different ids for different people.",
        ),
        Rule::UnknownRole => (
            "A role that is not in the catalog counts for nothing: the role it was meant to be stays unstaffed.",
            "[people.al]\nroles = [\"ecommerce-manger\"]",
            "Fix the spelling (the help line suggests the closest role), or use `teamplan catalog show CATALOG` to find the right id.",
        ),
        Rule::UnknownPerson => (
            "An override that names nobody on the team gives the activity to nobody.",
            "[raci.test-site]\naccountable = \"maya\"\nresponsible = [\"bob\"]   # there is no [people.bob]",
            "Name a person id from [people] or a role id of the catalog.",
        ),
        Rule::UnknownActivity => (
            "An override for an activity the catalog does not have changes nothing.",
            "[raci.payment]\naccountable = \"maya\"",
            "Use an activity id from `teamplan catalog show CATALOG` (the help line suggests the closest).",
        ),
        Rule::PersonWithoutRoles => (
            "A person with no role does nothing in the matrix; usually the roles were forgotten.",
            "[people.cy]\nname = \"Cy Moss\"",
            "Add `roles = [...]`, or remove the person.",
        ),
        Rule::DuplicateTeam => (
            "Team names identify teams in reports and cross-team findings; two files with one name make those ambiguous.",
            "# teams/a.toml and teams/b.toml both say\n[team]\nname = \"Web\"",
            "Rename one of the teams.",
        ),
        Rule::InconsistentPerson => (
            "A person id is one person across the org. Different names or emails usually mean two people share an id, or a file is out of date.",
            "# teams/a.toml\n[people.sam]\nname = \"Sam Kowalski\"\n\n# teams/b.toml\n[people.sam]\nname = \"Samantha Reed\"",
            "Use the same name and email everywhere, or give different people different ids.",
        ),
        Rule::NotATeamFile => (
            "A *.toml file in a checked folder that is neither a team nor a catalog is probably a team file missing its [team] table; it is said, never skipped silently.",
            "# teams/notes.toml\ntitle = \"meeting notes\"",
            "Add a [team] table, move the file, or skip it with `--exclude GLOB`.",
        ),
        Rule::ParseError => (
            "The file could not be read, is not valid TOML, or does not have the shape of a team file (unknown keys, wrong types, fte out of range). Nothing else can be checked until it parses.",
            "[people.a]\nnmae = \"A\"",
            "Fix what the message points at; unknown keys come with the closest known key.",
        ),
        Rule::InvalidCatalog => (
            "A custom catalog must be consistent: unique ids, known role references, one required accountable role and a required responsible role per activity.",
            "extends = \"b2b\"\nremove-roles = [\"head-of-digital\"]   # activities still name it",
            "Fix the catalog file, or list the removed role as an alias of the role that takes over its work. `teamplan catalog check FILE` shows every problem.",
        ),
    };
    Explanation { why, example, fix }
}

/// `teamplan explain --list`: every rule with its default level and when it fires, as a
/// table that fits the terminal.
#[must_use]
pub fn list() -> String {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(vec!["rule", "level", "fires when"]);
    if let Some(width) = prose_width() {
        table.set_width(width);
    }
    for rule in Rule::ALL {
        let level = match rule.default_level() {
            LintLevel::Deny => "error",
            LintLevel::Warn => "warn",
            LintLevel::Allow => "allow",
        };
        table.add_row(vec![rule.name(), level, rule.summary()]);
    }
    // Rule names are never split: the first column is as wide as the longest (plus padding).
    let longest = Rule::ALL.iter().map(|r| r.name().len()).max().unwrap_or(0);
    if let Some(column) = table.column_mut(0) {
        column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
            u16::try_from(longest + 2).unwrap_or(u16::MAX),
        )));
    }
    format!("{table}\n")
}

/// The full text of `teamplan explain RULE`.
#[must_use]
pub fn render(rule: Rule) -> String {
    let e = explain(rule);
    let level = match rule.default_level() {
        LintLevel::Deny => "error",
        LintLevel::Warn => "warning",
        LintLevel::Allow => "allow",
    };
    let configurable = if rule.is_configurable() {
        format!(
            "Default level: {level}. Change it with `--allow/--warn/--deny {}` or in [rules].",
            rule.name()
        )
    } else {
        "Level: error, always (unreadable input cannot be allowed); exit code 2.".to_owned()
    };
    let fixable = match rule {
        Rule::UnknownRole | Rule::UnknownPerson | Rule::UnknownActivity => {
            "\n\nFixable: `teamplan check --fix` corrects the spelling when one id is the only close candidate (`--fix --dry-run` shows the change first)."
        }
        Rule::ParseError => {
            "\n\nPartly fixable: `teamplan check --fix` corrects a misspelt key or catalog id when one is the only close candidate (`--fix --dry-run` shows the change first)."
        }
        _ => "",
    };
    let example = e
        .example
        .lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n");
    let heading = |text: &str| style::paint(style::HEADING, text);
    format!(
        "{name}: {summary}\n\n{configurable}{fixable}\n\n{why_heading}\n    {why}\n\n{example_heading}\n{example}\n\n{fix_heading}\n    {fix}\n",
        name = heading(rule.name()),
        summary = rule.summary(),
        why_heading = heading("Why it matters"),
        why = textwrap(e.why),
        example_heading = heading("Example that fires"),
        fix_heading = heading("How to fix it"),
        fix = textwrap(e.fix),
    )
}

/// Wrap prose at 88 columns with the section indent.
fn textwrap(text: &str) -> String {
    textwrap::fill(text, textwrap::Options::new(92).subsequent_indent("    "))
}

//! Generate a realistic, deterministic org of team files, for benchmarking `teamplan check`.
//!
//! ```sh
//! cargo run --release --example gen-org -- --people 10000 OUT/            # ~500 files
//! cargo run --release --example gen-org -- --people 10000 --single OUT/   # one 10k-person team
//! cargo run --release --example gen-org -- --people 1000 --teams 40 --findings 12 --seed 7 OUT/
//! cargo run --release --example gen-org -- --people 10000 --org OUT/      # OUT/org.toml + units
//! ```
//!
//! Teams have 3–40 people and use the four built-in catalogs (small teams use `small-team`).
//! Every team staffs the catalog's required and recommended roles (one holder per role that
//! is accountable for something; extra people take supporting roles), has a few `[raci.X]`
//! overrides that keep the matrix sound, and some people work in two teams at 0.5 fte each.
//! Without `--findings` the org checks clean (no errors, no warnings); `--findings K` injects
//! exactly K error findings, spread over `unknown-role`, `missing-role`, `over-allocated`,
//! `unknown-activity` and `unknown-person`, and prints how many of each (`expect RULE N`
//! lines) so a benchmark can verify that `check` found exactly those.
//!
//! With `--org`, the team files are units of one org (`OUT/org.toml`, catalog `--catalog`):
//! the largest unit staffs the catalog's core roles and holds its single roles, the others
//! hold core and supporting roles without a catalog of their own, each role held by several
//! people has one lead across the org, and a missing role is taken from the whole org.
//!
//! With `--plan` (and `--org`), the org is a dated plan in EUR, for `teamplan plan`: everyone
//! has a `cost`, about one in ten people who hold only supporting roles starts or leaves
//! during 2027, and about 2% more entries are open positions (a few backfilling a leaver).
//! Checked on 2027-01-01 (`TEAMPLAN_AT`), the org gives the same findings as without dates.
//!
//! The same `--seed` gives byte-identical files.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss
)]

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, Result, bail};
use clap::Parser;
use teamplan::catalog::{Catalog, Requirement, RoleIdx};

#[derive(Debug, Parser)]
#[command(about = "Write a deterministic synthetic org of teamplan team files")]
struct Args {
    /// Distinct people in the org.
    #[arg(long, default_value_t = 1000)]
    people: usize,
    /// Team files (default: about one per 20 people). Ignored with --single.
    #[arg(long)]
    teams: Option<usize>,
    /// Write one file holding a single team of all the people (`OUT/org.toml`).
    #[arg(long)]
    single: bool,
    /// Error findings to inject (0: the org checks clean).
    #[arg(long, default_value_t = 0)]
    findings: usize,
    /// Percentage of people who also work in a second team (0.5 fte in each).
    #[arg(long, default_value_t = 5)]
    shared_pct: usize,
    /// Seed of the generator: the same arguments and seed give the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Write the teams as units of one org: `OUT/org.toml` holds `[org]`, the units name no
    /// catalog.
    #[arg(long, conflicts_with = "single")]
    org: bool,
    /// With --org: make the org a dated plan (currency EUR, a cost for everyone, some people
    /// starting or leaving in 2027, about 2% more entries as open positions).
    #[arg(long, requires = "org")]
    plan: bool,
    /// Catalog of the --single team, or of the --org.
    #[arg(long, default_value = "b2b")]
    catalog: String,
    /// Output folder (created; must be empty or not exist yet).
    out: PathBuf,
}

// ------------------------------------------------------------------------------------------
// A tiny deterministic PRNG (splitmix64): no dependency, same stream on every platform.

struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `0.0..1.0`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

// ------------------------------------------------------------------------------------------
// What each catalog needs, worked out from the catalog itself.

/// Activities (by index) a role is accountable or responsible for, as a bit set.
#[derive(Clone, Default)]
struct Bits(Vec<u64>);

impl Bits {
    fn set(&mut self, i: usize) {
        if self.0.len() <= i / 64 {
            self.0.resize(i / 64 + 1, 0);
        }
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn union(&self, other: &Bits) -> Bits {
        let n = self.0.len().max(other.0.len());
        Bits(
            (0..n)
                .map(|i| self.0.get(i).copied().unwrap_or(0) | other.0.get(i).copied().unwrap_or(0))
                .collect(),
        )
    }

    fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }
}

struct CatalogPlan {
    id: &'static str,
    catalog: Arc<Catalog>,
    /// Required and recommended roles, heaviest first.
    core: Vec<RoleIdx>,
    /// The core roles packed onto as few full-time people as the limits allow.
    packed: Vec<Vec<RoleIdx>>,
    /// Roles extra people can hold: not single, accountable for nothing, light enough for a
    /// half-time person.
    fillers: Vec<RoleIdx>,
    ra: Vec<Bits>,
}

impl CatalogPlan {
    fn new(id: &'static str, catalog: &Arc<Catalog>) -> Self {
        let mut ra = vec![Bits::default(); catalog.roles.len()];
        let mut accountable = vec![false; catalog.roles.len()];
        for (a, activity) in catalog.activities.iter().enumerate() {
            ra[activity.raci.accountable].set(a);
            accountable[activity.raci.accountable] = true;
            for &r in &activity.raci.responsible {
                ra[r].set(a);
            }
        }
        let mut core: Vec<RoleIdx> = (0..catalog.roles.len())
            .filter(|&r| catalog.roles[r].requirement != Requirement::Optional)
            .collect();
        // The work of the optional roles nobody holds falls up their `reports-to` chains to
        // a core role: its holder carries it, so it counts in the core role's load.
        let mut load_of = ra.clone();
        for (r, own) in ra.iter().enumerate() {
            if core.contains(&r) {
                continue;
            }
            let mut at = r;
            for _ in 0..catalog.roles.len() {
                match catalog.roles[at].reports_to {
                    Some(next) if !core.contains(&next) => at = next,
                    Some(next) => {
                        load_of[next] = load_of[next].union(own);
                        break;
                    }
                    None => break,
                }
            }
        }
        let ra_own = ra;
        let ra = load_of;
        core.sort_by_key(|&r| std::cmp::Reverse(ra[r].count()));
        let limits = catalog.limits;
        let conflict = |a: RoleIdx, b: RoleIdx| {
            catalog.roles[a].conflicts.contains(&b) || catalog.roles[b].conflicts.contains(&a)
        };
        // First-fit packing under the `overloaded` and `conflicting-roles` limits.
        let mut packed: Vec<(Vec<RoleIdx>, Bits)> = Vec::new();
        for &role in &core {
            let fits = packed.iter().position(|(roles, load)| {
                roles.len() < limits.roles_per_person
                    && roles.iter().all(|&r| !conflict(r, role))
                    // A margin: work of roles the team goes without falls to core holders
                    // along chains the plan only estimates.
                    && load.union(&ra[role]).count() as f64 <= limits.ra_per_fte * 0.8
            });
            match fits {
                Some(i) => {
                    let (roles, load) = &mut packed[i];
                    roles.push(role);
                    *load = load.union(&ra[role]);
                }
                None => packed.push((vec![role], ra[role].clone())),
            }
        }
        let fillers = (0..catalog.roles.len())
            .filter(|&r| {
                !catalog.roles[r].single
                    && !accountable[r]
                    && ra_own[r].count() as f64 <= limits.ra_per_fte * 0.5
            })
            .collect();
        Self {
            id,
            catalog: Arc::clone(catalog),
            core,
            packed: packed.into_iter().map(|(roles, _)| roles).collect(),
            fillers,
            ra,
        }
    }

    fn conflict(&self, a: RoleIdx, b: RoleIdx) -> bool {
        let roles = &self.catalog.roles;
        roles[a].conflicts.contains(&b) || roles[b].conflicts.contains(&a)
    }

    /// One or two supporting roles for an extra person, light enough for 0.5 fte.
    fn filler_bundle(&self, rng: &mut Rng) -> Vec<RoleIdx> {
        let first = *rng.pick(&self.fillers);
        let mut bundle = vec![first];
        if rng.chance(0.3) && self.catalog.limits.roles_per_person > 1 {
            let second = *rng.pick(&self.fillers);
            let load = self.ra[first].union(&self.ra[second]).count() as f64;
            if second != first
                && !self.conflict(first, second)
                && load <= self.catalog.limits.ra_per_fte * 0.5
            {
                bundle.push(second);
            }
        }
        bundle
    }

    /// The role id, or now and then one of its aliases (as people write them).
    fn role_name(&self, role: RoleIdx, rng: &mut Rng) -> String {
        let r = &self.catalog.roles[role];
        if !r.aliases.is_empty() && rng.chance(0.1) {
            rng.pick(&r.aliases).clone()
        } else {
            r.id.clone()
        }
    }
}

// ------------------------------------------------------------------------------------------
// The org being planned.

struct Person {
    id: String,
    name: Option<String>,
    email: Option<String>,
}

struct Member {
    person: usize,
    roles: Vec<String>,
    fte: Option<f64>,
    engagement: Option<&'static str>,
    /// Holds core roles (so must not be shared with another team).
    core: bool,
    /// The catalog roles the member holds (for overrides and injections).
    role_idx: Vec<RoleIdx>,
    /// The roles (as written in `roles`) the member leads, in an org.
    leads: Vec<String>,
    /// Dates and cost, with `--plan`.
    dated: Dated,
}

/// What `--plan` adds to a member: the first and last day in the team, and a cost per year
/// at their fte.
#[derive(Default)]
struct Dated {
    start: Option<Day>,
    end: Option<Day>,
    cost: Option<u32>,
}

/// A day of 2027, the year the dates of a `--plan` org fall in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Day {
    month: u8,
    day: u8,
}

/// The day a `--plan` org is checked on (`TEAMPLAN_AT=2027-01-01`), and where its plan starts.
const PLAN_DAY: Day = Day { month: 1, day: 1 };
const DAYS_IN_MONTH: [u8; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

impl Day {
    /// A day from the first of `from_month` to the 28th of December.
    fn random(from_month: u8, rng: &mut Rng) -> Day {
        Day {
            month: from_month + rng.below(usize::from(13 - from_month)) as u8,
            day: 1 + rng.below(28) as u8,
        }
    }

    /// The day after (the last day of the year stays).
    fn next(self) -> Day {
        if self.day < DAYS_IN_MONTH[usize::from(self.month - 1)] {
            Day {
                day: self.day + 1,
                ..self
            }
        } else if self.month < 12 {
            Day {
                month: self.month + 1,
                day: 1,
            }
        } else {
            self
        }
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "2027-{:02}-{:02}", self.month, self.day)
    }
}

/// An open position of a `--plan` org: a hire planned in 2027.
struct Position {
    id: String,
    /// The job title: the catalog's title of its first role.
    title: String,
    roles: Vec<String>,
    start: Day,
    /// The person number of the leaver it replaces.
    backfills: Option<usize>,
    cost: u32,
}

#[derive(Default)]
struct Override {
    activity: String,
    accountable: Option<String>,
    responsible: Vec<String>,
    consulted: Vec<String>,
    informed: Vec<String>,
}

struct TeamPlan {
    name: String,
    path: PathBuf,
    plan: usize,
    description: Option<String>,
    members: Vec<Member>,
    overrides: Vec<Override>,
    rules: bool,
    /// Required roles taken away to inject `missing-role`.
    removed: Vec<RoleIdx>,
    /// Open positions, with `--plan`.
    positions: Vec<Position>,
}

const FIRST: &[(&str, &str)] = &[
    ("Ana", "ana"),
    ("Ben", "ben"),
    ("Chloé", "chloe"),
    ("Dmitri", "dmitri"),
    ("Emma", "emma"),
    ("Farid", "farid"),
    ("Grace", "grace"),
    ("Hiro", "hiro"),
    ("Ines", "ines"),
    ("Jonas", "jonas"),
    ("Kofi", "kofi"),
    ("Lena", "lena"),
    ("Mateo", "mateo"),
    ("Nora", "nora"),
    ("Oskar", "oskar"),
    ("Priya", "priya"),
    ("Quentin", "quentin"),
    ("Rosa", "rosa"),
    ("Sven", "sven"),
    ("Tara", "tara"),
    ("Uma", "uma"),
    ("Viktor", "viktor"),
    ("Wen", "wen"),
    ("Yusuf", "yusuf"),
    ("Zoë", "zoe"),
];

const LAST: &[(&str, &str)] = &[
    ("García", "garcia"),
    ("Smith", "smith"),
    ("Müller", "muller"),
    ("Okafor", "okafor"),
    ("Rossi", "rossi"),
    ("Nguyen", "nguyen"),
    ("Kowalski", "kowalski"),
    ("Tanaka", "tanaka"),
    ("Silva", "silva"),
    ("Johansson", "johansson"),
    ("Haddad", "haddad"),
    ("Dubois", "dubois"),
    ("Patel", "patel"),
    ("O'Brien", "obrien"),
    ("Novak", "novak"),
    ("Costa", "costa"),
    ("Kim", "kim"),
    ("Moreau", "moreau"),
    ("Ivanova", "ivanova"),
    ("Schmidt", "schmidt"),
];

const DIVISIONS: &[&str] = &[
    "retail",
    "wholesale",
    "marketplace",
    "brands",
    "platform",
    "europe",
    "americas",
    "apac",
];

const TEAM_WORDS: &[&str] = &[
    "Checkout",
    "Catalog",
    "Growth",
    "Loyalty",
    "Storefront",
    "Fulfilment",
    "Payments",
    "Search",
    "Content",
    "Partners",
    "Pricing",
    "Returns",
    "Mobile",
    "Insights",
    "Sourcing",
    "Service",
];

fn person(i: usize, rng: &mut Rng) -> Person {
    let (first, first_slug) = FIRST[i % FIRST.len()];
    let (last, last_slug) = LAST[(i / FIRST.len()) % LAST.len()];
    let id = format!("{first_slug}-{last_slug}-{i}");
    Person {
        name: rng.chance(0.95).then(|| format!("{first} {last}")),
        email: rng
            .chance(0.8)
            .then(|| format!("{first_slug}.{last_slug}.{i}@example.com")),
        id,
    }
}

/// Team sizes in 3..=40 (most between 10 and 30) that add up to `total`.
fn team_sizes(teams: usize, total: usize, rng: &mut Rng) -> Vec<usize> {
    let mut sizes: Vec<usize> = (0..teams)
        .map(|_| 3 + ((rng.unit() + rng.unit()) * 0.5 * 38.0) as usize)
        .collect();
    let mut sum: usize = sizes.iter().sum();
    while sum < total {
        let i = rng.below(teams);
        if sizes[i] < 40 {
            sizes[i] += 1;
            sum += 1;
        }
    }
    while sum > total {
        let i = rng.below(teams);
        if sizes[i] > 3 {
            sizes[i] -= 1;
            sum -= 1;
        }
    }
    sizes
}

/// `word` with one inner character dropped, so it reads as a typo of it.
fn typo(word: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 4 {
        return format!("{word}x");
    }
    let at = 1 + rng.below(chars.len() - 2);
    let mut out: String = chars[..at].iter().collect();
    out.extend(&chars[at + 1..]);
    out
}

fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", quoted.join(", "))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    UnknownRole,
    MissingRole,
    OverAllocated,
    UnknownActivity,
    UnknownPerson,
}

impl Kind {
    const ALL: [Kind; 5] = [
        Kind::UnknownRole,
        Kind::MissingRole,
        Kind::OverAllocated,
        Kind::UnknownActivity,
        Kind::UnknownPerson,
    ];

    fn rule(self) -> &'static str {
        match self {
            Kind::UnknownRole => "unknown-role",
            Kind::MissingRole => "missing-role",
            Kind::OverAllocated => "over-allocated",
            Kind::UnknownActivity => "unknown-activity",
            Kind::UnknownPerson => "unknown-person",
        }
    }
}

struct Org {
    plans: Vec<CatalogPlan>,
    people: Vec<Person>,
    teams: Vec<TeamPlan>,
    /// People in two teams: (team, member) of each membership.
    shared: Vec<[(usize, usize); 2]>,
    injected: BTreeMap<Kind, usize>,
    /// The teams are units of one org: an activity is overridden in one unit at most.
    units: bool,
    /// Activities overridden so far (kept only for an org).
    overridden: HashSet<String>,
}

fn main() -> std::process::ExitCode {
    match run(&Args::parse()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-org: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<()> {
    if args.people < 3 {
        bail!("--people must be at least 3");
    }
    if std::fs::read_dir(&args.out).is_ok_and(|mut d| d.next().is_some()) {
        bail!(
            "{} is not empty; remove it or pick another folder",
            args.out.display()
        );
    }
    let mut rng = Rng(args.seed ^ 0x7EA3_91A4);
    let mut plans = Vec::new();
    for id in ["small-team", "b2b", "b2c", "d2c"] {
        let catalog = teamplan::catalog::builtin(id)
            .with_context(|| format!("no built-in catalog `{id}`"))?;
        plans.push(CatalogPlan::new(id, &catalog));
    }
    let mut org = Org {
        plans,
        people: Vec::new(),
        teams: Vec::new(),
        shared: Vec::new(),
        injected: BTreeMap::new(),
        units: args.org,
        overridden: HashSet::new(),
    };
    if args.single {
        plan_single(&mut org, args, &mut rng)?;
    } else {
        plan_teams(&mut org, args, &mut rng)?;
    }
    inject_roles(&mut org, args.findings, args.org, &mut rng);
    if args.org {
        assign_leads(&mut org);
    }
    add_overrides(&mut org, args.single, &mut rng);
    inject_overrides(&mut org, &mut rng);
    // A stream of its own, so the org without `--plan` stays as it was.
    let planned = args
        .plan
        .then(|| add_plan(&mut org, &mut Rng(args.seed ^ 0x91A4_C057)));
    let bytes = write(&org, args)?;

    let memberships: usize = org.teams.iter().map(|t| t.members.len()).sum();
    let largest = org
        .teams
        .iter()
        .max_by_key(|t| t.members.len())
        .context("no teams")?;
    println!(
        "gen-org: seed {}, {} team file(s), {} people ({} memberships, {} in two teams), {} bytes in {}",
        args.seed,
        org.teams.len(),
        org.people.len(),
        memberships,
        org.shared.len(),
        bytes,
        args.out.display()
    );
    println!("people {}", org.people.len());
    println!("files {}", org.teams.len());
    println!("bytes {bytes}");
    println!(
        "largest-team {} {}",
        largest.path.display(),
        largest.members.len()
    );
    if let Some(p) = planned {
        println!("dated {}", p.dated);
        println!("positions {}", p.positions);
        println!("backfills {}", p.backfills);
        println!("people-on-{PLAN_DAY} {}", p.present);
    }
    let total: usize = org.injected.values().sum();
    for kind in Kind::ALL {
        println!(
            "expect {} {}",
            kind.rule(),
            org.injected.get(&kind).copied().unwrap_or(0)
        );
    }
    println!("expect errors {total}");
    println!("expect warnings 0");
    if total < args.findings {
        eprintln!(
            "gen-org: only {total} of {} findings could be injected into this org",
            args.findings
        );
    }
    Ok(())
}

/// Members of one team of `size` people for catalog plan `p`; `next_person` numbers people.
fn staff_team(plan: &CatalogPlan, size: usize, first_person: usize, rng: &mut Rng) -> Vec<Member> {
    // Big enough teams give each core role its own person; small ones pack them.
    let core: Vec<Vec<RoleIdx>> = if size >= plan.core.len() + 2 {
        plan.core.iter().map(|&r| vec![r]).collect()
    } else {
        plan.packed.clone()
    };
    let mut members: Vec<Member> = core
        .into_iter()
        .map(|roles| Member {
            person: 0,
            roles: roles.iter().map(|&r| plan.role_name(r, rng)).collect(),
            fte: None,
            engagement: rng.chance(0.1).then_some("employee"),
            core: true,
            role_idx: roles,
            leads: Vec::new(),
            dated: Dated::default(),
        })
        .collect();
    while members.len() < size {
        members.push(filler(plan, rng));
    }
    // People are listed in no particular role order.
    rng.shuffle(&mut members);
    for (i, m) in members.iter_mut().enumerate() {
        m.person = first_person + i;
    }
    members
}

/// A member holding one or two supporting roles, part-time now and then.
fn filler(plan: &CatalogPlan, rng: &mut Rng) -> Member {
    let roles = plan.filler_bundle(rng);
    let fte = match rng.below(10) {
        0 => Some(0.8),
        1 => Some(0.6),
        2 => Some(0.5),
        _ => None,
    };
    let engagement = match rng.below(20) {
        0 | 1 => Some("contractor"),
        2 => Some("agency"),
        _ => None,
    };
    Member {
        person: 0,
        roles: roles.iter().map(|&r| plan.role_name(r, rng)).collect(),
        fte,
        engagement,
        core: false,
        role_idx: roles,
        leads: Vec::new(),
        dated: Dated::default(),
    }
}

fn plan_single(org: &mut Org, args: &Args, rng: &mut Rng) -> Result<()> {
    let p = org
        .plans
        .iter()
        .position(|p| p.id == args.catalog)
        .with_context(|| format!("unknown catalog `{}`", args.catalog))?;
    if args.people < org.plans[p].packed.len() {
        bail!(
            "the `{}` catalog needs at least {} people",
            args.catalog,
            org.plans[p].packed.len()
        );
    }
    let members = staff_team(&org.plans[p], args.people, 0, rng);
    org.people = (0..args.people).map(|i| person(i, rng)).collect();
    org.teams.push(TeamPlan {
        name: "Whole Org".to_owned(),
        path: args.out.join("org.toml"),
        plan: p,
        description: Some(format!(
            "Every one of the org's {} people in one team file",
            args.people
        )),
        members,
        overrides: Vec::new(),
        rules: false,
        removed: Vec::new(),
        positions: Vec::new(),
    });
    Ok(())
}

fn plan_teams(org: &mut Org, args: &Args, rng: &mut Rng) -> Result<()> {
    let teams = args
        .teams
        .unwrap_or_else(|| args.people.div_ceil(20))
        .max(1);
    let mut shared = args.people * args.shared_pct / 100;
    if teams < 2 {
        shared = 0;
    }
    let total = args.people + shared;
    if total < teams * 3 || total > teams * 40 {
        bail!(
            "{} people (+{shared} shared) cannot fill {teams} teams of 3 to 40; pick --teams between {} and {}",
            args.people,
            total.div_ceil(40),
            total / 3
        );
    }
    let sizes = team_sizes(teams, total, rng);
    let org_plan = if args.org {
        Some(
            org.plans
                .iter()
                .position(|p| p.id == args.catalog)
                .with_context(|| format!("unknown catalog `{}`", args.catalog))?,
        )
    } else {
        None
    };
    // In an org, the largest unit holds the core roles; the others are core and supporting
    // people of the same catalog.
    let largest = (0..sizes.len()).max_by_key(|&t| sizes[t]).unwrap_or(0);
    let mut slot = 0;
    for (t, &size) in sizes.iter().enumerate() {
        let feasible: Vec<usize> = (1..org.plans.len())
            .filter(|&p| org.plans[p].packed.len() <= size)
            .collect();
        let p = match org_plan {
            Some(p) => p,
            None if size <= 8 || feasible.is_empty() => 0,
            None => *rng.pick(&feasible),
        };
        let members = match org_plan {
            Some(_) if t != largest => unit_members(&org.plans[p], size, slot, rng),
            _ => staff_team(&org.plans[p], size, slot, rng),
        };
        slot += size;
        let division = DIVISIONS[rng.below(DIVISIONS.len())];
        let word = TEAM_WORDS[rng.below(TEAM_WORDS.len())];
        let number = t + 1;
        org.teams.push(TeamPlan {
            name: format!("{word} {number:04}"),
            path: args
                .out
                .join(division)
                .join(format!("{}-{number:04}.toml", word.to_lowercase())),
            plan: p,
            description: rng
                .chance(0.5)
                .then(|| format!("{word} team of the {division} division")),
            members,
            overrides: Vec::new(),
            rules: rng.chance(0.1),
            removed: Vec::new(),
            positions: Vec::new(),
        });
    }
    // Share people: a supporting member of one team also works in another, 0.5 fte in each.
    let mut fillers: Vec<(usize, usize)> = org
        .teams
        .iter()
        .enumerate()
        .flat_map(|(t, team)| {
            team.members
                .iter()
                .enumerate()
                .filter(|(_, m)| !m.core)
                .map(move |(i, _)| (t, i))
        })
        .collect();
    rng.shuffle(&mut fillers);
    let mut pairs = Vec::new();
    let mut rest = fillers.split_off(fillers.len().min(shared));
    for &second in &fillers {
        if let Some(k) = rest.iter().position(|&(t, _)| t != second.0) {
            pairs.push([rest.swap_remove(k), second]);
        }
    }
    // Number people: the second membership of a shared person reuses the first one's number.
    let seconds: HashSet<(usize, usize)> = pairs.iter().map(|p| p[1]).collect();
    let mut next = 0;
    for (t, team) in org.teams.iter_mut().enumerate() {
        for (i, m) in team.members.iter_mut().enumerate() {
            if !seconds.contains(&(t, i)) {
                m.person = next;
                next += 1;
            }
        }
    }
    for [(t1, i1), (t2, i2)] in &pairs {
        org.teams[*t2].members[*i2].person = org.teams[*t1].members[*i1].person;
    }
    for [(t1, i1), (t2, i2)] in &pairs {
        org.teams[*t1].members[*i1].fte = Some(0.5);
        org.teams[*t2].members[*i2].fte = Some(0.5);
        if args.org {
            // One person of an org holds the same roles in both units: their roles count
            // once, over the units.
            let (roles, idx) = {
                let first = &org.teams[*t1].members[*i1];
                (first.roles.clone(), first.role_idx.clone())
            };
            let second = &mut org.teams[*t2].members[*i2];
            second.roles = roles;
            second.role_idx = idx;
        }
    }
    org.shared = pairs;
    org.people = (0..next).map(|i| person(i, rng)).collect();
    Ok(())
}

/// Members of a unit of an org beside the one that holds the core: the catalog's core roles
/// when the unit is big enough to staff them (without the single ones, which the core unit
/// holds), supporting roles otherwise.
fn unit_members(
    plan: &CatalogPlan,
    size: usize,
    first_person: usize,
    rng: &mut Rng,
) -> Vec<Member> {
    if size < plan.core.len() + 2 || rng.chance(0.5) {
        let mut members: Vec<Member> = (0..size).map(|_| filler(plan, rng)).collect();
        for (i, m) in members.iter_mut().enumerate() {
            m.person = first_person + i;
        }
        return members;
    }
    let mut members = staff_team(plan, size, first_person, rng);
    for m in &mut members {
        let keep: Vec<bool> = m
            .role_idx
            .iter()
            .map(|&r| !plan.catalog.roles[r].single)
            .collect();
        let mut k = keep.iter();
        m.role_idx.retain(|_| *k.next().unwrap_or(&true));
        let mut k = keep.iter();
        m.roles.retain(|_| *k.next().unwrap_or(&true));
        if m.role_idx.is_empty() {
            let f = *rng.pick(&plan.fillers);
            m.role_idx.push(f);
            m.roles.push(plan.catalog.roles[f].id.clone());
        }
    }
    members
}

/// In an org, each role held by several people gets one lead: its first holder.
fn assign_leads(org: &mut Org) {
    // A shared person's two memberships are one holder: counted, and leading, in the first.
    let seconds: HashSet<(usize, usize)> = org.shared.iter().map(|p| p[1]).collect();
    let mut holders: BTreeMap<RoleIdx, usize> = BTreeMap::new();
    let mut first: BTreeMap<RoleIdx, (usize, usize, usize)> = BTreeMap::new();
    for (t, team) in org.teams.iter().enumerate() {
        for (i, m) in team.members.iter().enumerate() {
            if seconds.contains(&(t, i)) {
                continue;
            }
            for (k, &r) in m.role_idx.iter().enumerate() {
                *holders.entry(r).or_default() += 1;
                first.entry(r).or_insert((t, i, k));
            }
        }
    }
    for (r, (t, i, k)) in first {
        if holders[&r] > 1 {
            let m = &mut org.teams[t].members[i];
            let name = m.roles[k].clone();
            m.leads.push(name);
        }
    }
}

/// Which kind the k-th injected finding is, skipping kinds this org cannot have.
fn kinds(org: &Org, findings: usize) -> Vec<Kind> {
    let available: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|&k| k != Kind::OverAllocated || !org.shared.is_empty())
        .collect();
    (0..findings)
        .map(|k| available[k % available.len()])
        .collect()
}

/// Findings about people's roles and fte; overrides come after, and avoid what was removed.
fn inject_roles(org: &mut Org, findings: usize, in_org: bool, rng: &mut Rng) {
    let kinds = kinds(org, findings);
    let mut order: Vec<usize> = (0..org.teams.len()).collect();
    rng.shuffle(&mut order);
    let mut shared = org.shared.clone();
    rng.shuffle(&mut shared);
    for (k, kind) in kinds.into_iter().enumerate() {
        let t = order[k % order.len()];
        let done = match kind {
            Kind::UnknownRole => inject_unknown_role(org, t, rng),
            Kind::MissingRole if in_org => inject_missing_org_role(org, rng),
            Kind::MissingRole => inject_missing_role(org, t, rng),
            Kind::OverAllocated => match shared.pop() {
                Some(pair) => {
                    for (t, i) in pair {
                        org.teams[t].members[i].fte = Some(0.75);
                    }
                    true
                }
                None => false,
            },
            // Injected with the overrides, later; remember where.
            Kind::UnknownActivity | Kind::UnknownPerson => {
                org.teams[t].overrides.push(Override {
                    activity: kind.rule().to_owned(),
                    ..Override::default()
                });
                false
            }
        };
        if done {
            *org.injected.entry(kind).or_default() += 1;
        } else if matches!(kind, Kind::MissingRole | Kind::OverAllocated) {
            // Nothing left to take away or share here: a role typo instead.
            inject_unknown_role(org, t, rng);
            *org.injected.entry(Kind::UnknownRole).or_default() += 1;
        }
    }
}

fn inject_unknown_role(org: &mut Org, t: usize, rng: &mut Rng) -> bool {
    let team = &mut org.teams[t];
    let plan = &org.plans[team.plan];
    let m = rng.below(team.members.len());
    loop {
        let role = &plan.catalog.roles[rng.below(plan.catalog.roles.len())];
        let name = typo(&role.id, rng);
        if plan.catalog.role(&name).is_none() && !team.members[m].roles.contains(&name) {
            team.members[m].roles.push(name);
            return true;
        }
    }
}

fn inject_missing_role(org: &mut Org, t: usize, rng: &mut Rng) -> bool {
    let team = &mut org.teams[t];
    let plan = &org.plans[team.plan];
    let mut candidates: Vec<(usize, RoleIdx)> = team
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.core)
        .flat_map(|(i, m)| m.role_idx.iter().map(move |&r| (i, r)))
        // A required role whose work falls to nobody else when it is gone: one falling up a
        // `reports-to` chain would load its carrier past the limits (a second finding).
        .filter(|&(_, r)| {
            let role = &plan.catalog.roles[r];
            role.requirement == Requirement::Required && role.reports_to.is_none()
        })
        .collect();
    // Only roles no one else holds (supporting members may hold a required role too).
    candidates.retain(|&(_, r)| {
        team.members
            .iter()
            .filter(|m| m.role_idx.contains(&r))
            .count()
            == 1
    });
    if candidates.is_empty() {
        return false;
    }
    rng.shuffle(&mut candidates);
    let (m, role) = candidates[0];
    let member = &mut team.members[m];
    let k = member
        .role_idx
        .iter()
        .position(|&r| r == role)
        .unwrap_or_default();
    member.role_idx.remove(k);
    member.roles.remove(k);
    if member.role_idx.is_empty() {
        // Keep the person busy with a supporting role, so only the gap is reported.
        let filler = *rng.pick(&plan.fillers);
        member.role_idx.push(filler);
        member.roles.push(plan.catalog.roles[filler].id.clone());
    }
    team.removed.push(role);
    true
}

/// A required role taken from everyone in the org who holds it: one `missing-role`, at the
/// `[org]` table. Only a role whose work falls to nobody else, and each role once.
fn inject_missing_org_role(org: &mut Org, rng: &mut Rng) -> bool {
    let plan = &org.plans[org.teams[0].plan];
    let catalog = Arc::clone(&plan.catalog);
    let fillers = plan.fillers.clone();
    let mut candidates: Vec<RoleIdx> = plan
        .core
        .iter()
        .copied()
        .filter(|&r| {
            let role = &catalog.roles[r];
            role.requirement == Requirement::Required
                && role.reports_to.is_none()
                && !org.teams[0].removed.contains(&r)
        })
        .collect();
    if candidates.is_empty() {
        return false;
    }
    rng.shuffle(&mut candidates);
    let role = candidates[0];
    for team in &mut org.teams {
        for m in &mut team.members {
            while let Some(k) = m.role_idx.iter().position(|&r| r == role) {
                m.role_idx.remove(k);
                m.roles.remove(k);
            }
            if m.role_idx.is_empty() {
                let f = *rng.pick(&fillers);
                m.role_idx.push(f);
                m.roles.push(catalog.roles[f].id.clone());
            }
        }
        team.removed.push(role);
    }
    true
}

/// A sound override of activity `a`: the catalog's own assignment, written with person ids
/// (`#N`, person number N) where a role has exactly one holder, half of the time.
fn sound_override(team: &TeamPlan, plan: &CatalogPlan, a: usize, rng: &mut Rng) -> Override {
    let catalog = &plan.catalog;
    let activity = &catalog.activities[a];
    let holder = |role: RoleIdx| -> Option<usize> {
        let mut holders = team.members.iter().filter(|m| m.role_idx.contains(&role));
        let first = holders.next()?;
        holders.next().is_none().then_some(first.person)
    };
    let role_ids = |roles: &[RoleIdx]| -> Vec<String> {
        roles.iter().map(|&r| catalog.roles[r].id.clone()).collect()
    };
    let accountable = activity.raci.accountable;
    Override {
        activity: activity.id.clone(),
        accountable: Some(holder(accountable).map_or_else(
            || catalog.roles[accountable].id.clone(),
            |p| format!("#{p}"),
        )),
        responsible: activity
            .raci
            .responsible
            .iter()
            .map(|&r| match holder(r) {
                Some(p) if rng.chance(0.5) => format!("#{p}"),
                _ => catalog.roles[r].id.clone(),
            })
            .collect(),
        consulted: role_ids(&activity.raci.consulted),
        informed: role_ids(&activity.raci.informed),
    }
}

/// Activities a new override may replace: not overridden yet, and not touching a role that
/// was removed to inject `missing-role`.
fn free_activities(team: &TeamPlan, plan: &CatalogPlan, taken: &HashSet<String>) -> Vec<usize> {
    let catalog = &plan.catalog;
    catalog
        .activities
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            let raci = &a.raci;
            let mentions = |r: &RoleIdx| {
                raci.accountable == *r
                    || raci.responsible.contains(r)
                    || raci.consulted.contains(r)
                    || raci.informed.contains(r)
                    || a.must_consult.contains(r)
                    || a.must_inform.contains(r)
            };
            !team.removed.iter().any(mentions)
                && !team.overrides.iter().any(|o| o.activity == a.id)
                && !taken.contains(&a.id)
        })
        .map(|(i, _)| i)
        .collect()
}

fn add_overrides(org: &mut Org, single: bool, rng: &mut Rng) {
    for team in &mut org.teams {
        let plan = &org.plans[team.plan];
        let count = if single { 6 } else { rng.below(3) };
        for _ in 0..count {
            let free = free_activities(team, plan, &org.overridden);
            if free.is_empty() {
                break;
            }
            let a = *rng.pick(&free);
            let o = sound_override(team, plan, a, rng);
            if org.units {
                org.overridden.insert(o.activity.clone());
            }
            team.overrides.insert(0, o);
        }
    }
}

fn inject_overrides(org: &mut Org, rng: &mut Rng) {
    // A misspelt person is no id of anyone in the org.
    let everyone: HashSet<&str> = org.people.iter().map(|p| p.id.as_str()).collect();
    for team in &mut org.teams {
        let plan = &org.plans[team.plan];
        let pending: Vec<usize> = team
            .overrides
            .iter()
            .enumerate()
            .filter(|(_, o)| {
                o.activity == Kind::UnknownActivity.rule()
                    || o.activity == Kind::UnknownPerson.rule()
            })
            .map(|(i, _)| i)
            .collect();
        for i in pending {
            if team.overrides[i].activity == Kind::UnknownActivity.rule() {
                let catalog = &plan.catalog;
                let a = rng.below(catalog.activities.len());
                let mut o = sound_override(team, plan, a, rng);
                for attempt in 0.. {
                    let name = typo(&catalog.activities[a].id, rng);
                    if catalog.activity(&name).is_none()
                        && !team.overrides.iter().any(|o| o.activity == name)
                        && !org.overridden.contains(&name)
                    {
                        o.activity = name;
                        break;
                    }
                    // Typos run out in an org of thousands of units: number them.
                    o.activity = format!("{}-x{attempt}", catalog.activities[a].id);
                    if !team.overrides.iter().any(|x| x.activity == o.activity)
                        && !org.overridden.contains(&o.activity)
                    {
                        break;
                    }
                }
                if org.units {
                    org.overridden.insert(o.activity.clone());
                }
                team.overrides[i] = o;
                *org.injected.entry(Kind::UnknownActivity).or_default() += 1;
            } else {
                let free = free_activities(team, plan, &org.overridden);
                if free.is_empty() {
                    // No activity left to override: a role typo instead.
                    team.overrides[i].activity = String::new();
                    let m = rng.below(team.members.len());
                    let role = &plan.catalog.roles[rng.below(plan.catalog.roles.len())];
                    let mut name = typo(&role.id, rng);
                    while plan.catalog.role(&name).is_some() {
                        name.push('x');
                    }
                    team.members[m].roles.push(name);
                    *org.injected.entry(Kind::UnknownRole).or_default() += 1;
                    continue;
                }
                let a = *rng.pick(&free);
                let mut o = sound_override(team, plan, a, rng);
                if org.units {
                    org.overridden.insert(o.activity.clone());
                }
                let known = &everyone;
                let victim = &org.people[team.members[rng.below(team.members.len())].person].id;
                let mut name = typo(victim, rng);
                while known.contains(name.as_str()) || plan.catalog.role(&name).is_some() {
                    name.push('x');
                }
                o.informed.push(name);
                team.overrides[i] = o;
                *org.injected.entry(Kind::UnknownPerson).or_default() += 1;
            }
        }
        team.overrides.retain(|o| !o.activity.is_empty());
    }
}

/// What `--plan` added: dated people, open positions (and how many backfill a leaver), and
/// the people present on [`PLAN_DAY`].
struct Planned {
    dated: usize,
    positions: usize,
    backfills: usize,
    present: usize,
}

/// Make the org a dated plan: a cost for every member, a start or an end in 2027 for about
/// one in ten people who hold only supporting roles, and about 2% more entries as open
/// positions. Dates change nothing `check` finds on [`PLAN_DAY`]: a dated person is not
/// shared, leads nothing, holds only optional, not-single roles written right, is not named
/// by an override and holds no role their unit's overrides name, and each of their roles
/// keeps at least two undated holders in the org; a unit keeps three undated people. Open
/// positions hold nothing on any day checked.
fn add_plan(org: &mut Org, rng: &mut Rng) -> Planned {
    let shared: HashSet<(usize, usize)> = org.shared.iter().flatten().copied().collect();
    let seconds: HashSet<(usize, usize)> = org.shared.iter().map(|p| p[1]).collect();
    // Holders per role, a shared person once.
    let mut holders: BTreeMap<(usize, RoleIdx), usize> = BTreeMap::new();
    for (t, team) in org.teams.iter().enumerate() {
        for (i, m) in team.members.iter().enumerate() {
            if !seconds.contains(&(t, i)) {
                for &r in &m.role_idx {
                    *holders.entry((team.plan, r)).or_default() += 1;
                }
            }
        }
    }
    let mut base: Vec<Option<u32>> = vec![None; org.people.len()];
    let mut dated = 0;
    for (t, team) in org.teams.iter_mut().enumerate() {
        let plan = &org.plans[team.plan];
        let roles = &plan.catalog.roles;
        let mut named_people = HashSet::new();
        let mut named_roles = HashSet::new();
        for o in &team.overrides {
            for name in o
                .accountable
                .iter()
                .chain(&o.responsible)
                .chain(&o.consulted)
                .chain(&o.informed)
            {
                match name.strip_prefix('#').and_then(|n| n.parse::<usize>().ok()) {
                    Some(p) => named_people.insert(p),
                    None => named_roles.insert(name.as_str()),
                };
            }
        }
        let mut undated = team.members.len();
        for (i, m) in team.members.iter_mut().enumerate() {
            let eligible = !m.core
                && m.leads.is_empty()
                && !shared.contains(&(t, i))
                && !named_people.contains(&m.person)
                && m.roles.len() == m.role_idx.len()
                && m.role_idx.iter().all(|&r| {
                    roles[r].requirement == Requirement::Optional
                        && !roles[r].single
                        && !named_roles.contains(roles[r].id.as_str())
                        && holders[&(team.plan, r)] > 2
                });
            if eligible && undated > 3 && rng.chance(0.1) {
                let (start, end) = match rng.below(5) {
                    // Joins during the year, leaves during the year, or both.
                    0 | 1 => (Some(Day::random(1, rng)), None),
                    2 | 3 => (None, Some(Day::random(1, rng))),
                    _ => {
                        let a = Day::random(1, rng);
                        let b = Day::random(1, rng);
                        let (a, b) = (a.min(b), a.max(b));
                        (Some(a), Some(if a == b { b.next() } else { b }))
                    }
                };
                m.dated.start = start;
                m.dated.end = end;
                for &r in &m.role_idx {
                    *holders.entry((team.plan, r)).or_default() -= 1;
                }
                undated -= 1;
                dated += 1;
            }
            let lead = m.core || !m.leads.is_empty();
            let yearly = *base[m.person].get_or_insert_with(|| {
                let outside = if m.engagement.is_some_and(|e| e != "employee") {
                    1.2
                } else {
                    1.0
                };
                salary(lead, outside, rng)
            });
            let fte = m.fte.unwrap_or(1.0);
            m.dated.cost = Some(((f64::from(yearly) * fte / 100.0).round() * 100.0) as u32);
        }
    }

    // Open positions: about 2% of the people, in units picked at random, holding what one of
    // the unit's people holds (not a single role), or backfilling a leaver of the unit.
    let count = (org.people.len() * 2).div_ceil(100);
    let mut backfilled = HashSet::new();
    let mut backfills = 0;
    for k in 0..count {
        let t = rng.below(org.teams.len());
        let team = &org.teams[t];
        let plan = &org.plans[team.plan];
        let roles = &plan.catalog.roles;
        let leavers: Vec<&Member> = team
            .members
            .iter()
            .filter(|m| m.dated.end.is_some() && !backfilled.contains(&m.person))
            .collect();
        let (role_idx, start, replaces) = if !leavers.is_empty() && rng.chance(0.4) {
            let leaver = *rng.pick(&leavers);
            let end = leaver.dated.end.unwrap_or(PLAN_DAY);
            (leaver.role_idx.clone(), end.next(), Some(leaver.person))
        } else {
            let written: Vec<&Member> = team
                .members
                .iter()
                .filter(|m| m.roles.len() == m.role_idx.len())
                .collect();
            let mut held: Vec<RoleIdx> = if written.is_empty() {
                Vec::new()
            } else {
                rng.pick(&written)
                    .role_idx
                    .iter()
                    .copied()
                    .filter(|&r| !roles[r].single)
                    .collect()
            };
            if held.is_empty() {
                held.push(*rng.pick(&plan.fillers));
            }
            (held, Day::random(2, rng), None)
        };
        let lead = role_idx
            .iter()
            .any(|&r| roles[r].requirement != Requirement::Optional);
        let cost = salary(lead, 1.0, rng);
        let first = &roles[role_idx[0]];
        let position = Position {
            id: format!("hire-{}-{k:04}", first.id),
            title: first.title.clone(),
            roles: role_idx.iter().map(|&r| roles[r].id.clone()).collect(),
            start,
            backfills: replaces,
            cost,
        };
        if let Some(p) = replaces {
            backfilled.insert(p);
            backfills += 1;
        }
        org.teams[t].positions.push(position);
    }

    let mut present = vec![false; org.people.len()];
    for m in org.teams.iter().flat_map(|t| &t.members) {
        let d = &m.dated;
        if d.start.is_none_or(|s| s <= PLAN_DAY) && d.end.is_none_or(|e| e >= PLAN_DAY) {
            present[m.person] = true;
        }
    }
    Planned {
        dated,
        positions: count,
        backfills,
        present: present.iter().filter(|&&p| p).count(),
    }
}

/// A yearly cost at full time, in EUR, to the 500: 70,000–120,000 for someone holding a
/// required or recommended role or leading one, 40,000–85,000 for supporting roles; `outside`
/// (contractors and agencies) scales it, up to 120,000.
fn salary(lead: bool, outside: f64, rng: &mut Rng) -> u32 {
    let (low, high): (usize, usize) = if lead {
        (70_000, 120_000)
    } else {
        (40_000, 85_000)
    };
    let base = (low + rng.below(high - low + 1)) as f64 * outside;
    ((base.min(120_000.0) / 500.0).round() * 500.0) as u32
}

/// A reference as written: `#N` stands for person number N.
fn reference(name: &str, people: &[Person]) -> String {
    match name.strip_prefix('#').and_then(|n| n.parse::<usize>().ok()) {
        Some(p) => people[p].id.clone(),
        None => name.to_owned(),
    }
}

fn write(org: &Org, args: &Args) -> Result<u64> {
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let mut bytes = 0;
    if org.units {
        let text = format!(
            "# Generated by `cargo run --example gen-org` (seed {}): the org of {} units.\n\n[org]\nname = \"Generated Org\"\ncatalog = {}\ndescription = \"{} people in {} units\"\n{}",
            args.seed,
            org.teams.len(),
            quote(&args.catalog),
            org.people.len(),
            org.teams.len(),
            if args.plan {
                "currency = \"EUR\"\n"
            } else {
                ""
            }
        );
        let path = args.out.join("org.toml");
        std::fs::write(&path, &text).with_context(|| format!("cannot write {}", path.display()))?;
        bytes += text.len() as u64;
    }
    let total = org.teams.len();
    for (t, team) in org.teams.iter().enumerate() {
        let plan = &org.plans[team.plan];
        let mut s = String::new();
        let _ = writeln!(
            s,
            "# Generated by `cargo run --example gen-org` (seed {}): team {} of {total}.\n",
            args.seed,
            t + 1
        );
        s.push_str("[team]\n");
        let _ = writeln!(s, "name = {}", quote(&team.name));
        // A unit names no catalog, or (now and then, as older files do) the org's.
        if !org.units || t % 10 == 0 {
            let _ = writeln!(s, "catalog = {}", quote(plan.id));
        }
        if let Some(d) = &team.description {
            let _ = writeln!(s, "description = {}", quote(d));
        }
        for m in &team.members {
            let p = &org.people[m.person];
            let _ = writeln!(s, "\n[people.{}]", p.id);
            if let Some(name) = &p.name {
                let _ = writeln!(s, "name = {}", quote(name));
            }
            let _ = writeln!(s, "roles = {}", list(&m.roles));
            if !m.leads.is_empty() {
                let _ = writeln!(s, "leads = {}", list(&m.leads));
            }
            if let Some(fte) = m.fte {
                let _ = writeln!(s, "fte = {fte:?}");
            }
            if let Some(e) = m.engagement {
                let _ = writeln!(s, "engagement = {}", quote(e));
            }
            if let Some(start) = m.dated.start {
                let _ = writeln!(s, "start = {start}");
            }
            if let Some(end) = m.dated.end {
                let _ = writeln!(s, "end = {end}");
            }
            if let Some(cost) = m.dated.cost {
                let _ = writeln!(s, "cost = {cost}");
            }
            if let Some(email) = &p.email {
                let _ = writeln!(s, "email = {}", quote(email));
            }
        }
        for p in &team.positions {
            let _ = writeln!(s, "\n[people.{}]", p.id);
            let _ = writeln!(s, "name = {}", quote(&p.title));
            s.push_str("status = \"open\"\n");
            let _ = writeln!(s, "roles = {}", list(&p.roles));
            let _ = writeln!(s, "start = {}", p.start);
            if let Some(leaver) = p.backfills {
                let _ = writeln!(s, "backfills = {}", quote(&org.people[leaver].id));
            }
            let _ = writeln!(s, "cost = {}", p.cost);
        }
        for o in &team.overrides {
            let _ = writeln!(s, "\n[raci.{}]", o.activity);
            if let Some(a) = &o.accountable {
                let _ = writeln!(s, "accountable = {}", quote(&reference(a, &org.people)));
            }
            for (key, refs) in [
                ("responsible", &o.responsible),
                ("consulted", &o.consulted),
                ("informed", &o.informed),
            ] {
                let refs: Vec<String> = refs.iter().map(|r| reference(r, &org.people)).collect();
                let _ = writeln!(s, "{key} = {}", list(&refs));
            }
        }
        if team.rules {
            s.push_str("\n[rules]\nmissing-recommended-role = \"warn\"\n");
        }
        let dir = team.path.parent().unwrap_or_else(|| Path::new("."));
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        std::fs::write(&team.path, &s)
            .with_context(|| format!("cannot write {}", team.path.display()))?;
        bytes += s.len() as u64;
    }
    Ok(bytes)
}

//! `teamplan init`: from nothing to a checked team file, by wizard or by template.

use crate::input::DEFAULT_MAX_FILE_SIZE;
use std::io::{IsTerminal as _, Write};
use std::path::Path;

use anyhow::{Context as _, Result, bail};
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Input, Select};

use crate::analysis::{Keep, LevelOverrides, Outcome, analyze, find_inputs, org_file_of};
use crate::catalog::{self, BUILTIN_IDS, Requirement};
use crate::cli::InitArgs;
use crate::input::discover::Exclude;
use crate::render::escape;
use crate::render::findings;
use crate::team::{Engagement, LoadOptions, NewPerson, People, team_file, unit_file};
use crate::write::{Change, Options, write};

/// Run `init`; returns the exit code.
///
/// # Errors
/// The file exists (without --force), stdin is not a terminal (without --yes), an unknown
/// catalog, or the file cannot be written.
pub fn run(args: &InitArgs, root: Option<&Path>, out: &mut dyn Write) -> Result<u8> {
    // Asked before the wizard's questions; the write itself is what guarantees it.
    if args.path.symlink_metadata().is_ok() && !args.force {
        bail!(
            "{} already exists; pass --force to overwrite it",
            escape::path(&args.path)
        );
    }
    if let Some(c) = &args.catalog {
        if !BUILTIN_IDS.contains(&c.as_str()) {
            let hint = crate::diag::suggest::hint(c, BUILTIN_IDS);
            bail!(
                "unknown catalog `{c}`{}; choose one of {}",
                hint.map(|h| format!(" ({h})")).unwrap_or_default(),
                BUILTIN_IDS.join(", ")
            );
        }
    }
    // A new file in an org's folder is a unit of it: it needs only a name.
    let in_org =
        org_file_of(&args.path, root, DEFAULT_MAX_FILE_SIZE).is_ok_and(|org| org.is_some());
    let text = if args.yes {
        let name = args.name.as_deref().unwrap_or("My team");
        if in_org && args.catalog.is_none() {
            unit_file(name)
        } else {
            let catalog = args.catalog.as_deref().unwrap_or("small-team");
            let catalog = catalog::builtin(catalog).context("no such catalog")?;
            team_file(name, &catalog, People::Placeholders, &args.path)
        }
    } else {
        if !std::io::stdin().is_terminal() {
            bail!(
                "stdin is not a terminal, so the wizard cannot ask its questions; pass --yes (with --catalog and --name) to write a template without prompting"
            );
        }
        match wizard(args) {
            Ok(text) => text,
            // Ctrl-C at a prompt in raw mode arrives as a key, not a signal: end as the
            // signal handler does, with the cursor back and nothing written.
            Err(e) if is_interrupt(&e) => {
                let _ = dialoguer::console::Term::stderr().show_cursor();
                return Ok(130);
            }
            Err(e) => return Err(e),
        }
    };
    let options = Options {
        root,
        force: args.force,
        inputs: &[],
    };
    write(&args.path, text.as_bytes(), Change::Create, &options)?;
    let mut err = anstream::stderr();
    writeln!(err, "wrote {}", escape::path(&args.path))?;
    // Show where the new team stands right away (in an org, as part of it).
    let (inputs, _) = find_inputs(
        std::slice::from_ref(&args.path),
        &Exclude::new(&[])?,
        root,
        DEFAULT_MAX_FILE_SIZE,
    );
    let analysis = analyze(
        &inputs,
        LoadOptions {
            root,
            ..LoadOptions::default()
        },
        &LevelOverrides::default(),
        Keep::Membership,
    );
    let outcome = Outcome::new(analysis, Vec::new());
    out.write_all(findings::human::render(&outcome, args.quiet).as_bytes())?;
    if args.quiet {
        return Ok(0);
    }
    writeln!(
        err,
        "next: edit {} and run `teamplan check {}`",
        escape::path(&args.path),
        escape::path(&args.path)
    )?;
    Ok(0)
}

/// Whether the wizard ended because its reader was interrupted (Ctrl-C).
fn is_interrupt(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::Interrupted)
            || cause
                .downcast_ref::<dialoguer::Error>()
                .is_some_and(|dialoguer::Error::IO(io)| {
                    io.kind() == std::io::ErrorKind::Interrupted
                })
    })
}

fn wizard(args: &InitArgs) -> Result<String> {
    // Ctrl-C ends the wizard before anything is written; give the terminal its cursor back.
    let _ = ctrlc::set_handler(|| {
        let _ = dialoguer::console::Term::stderr().show_cursor();
        std::process::exit(130);
    });
    let theme = ColorfulTheme::default();
    let catalogs: Vec<_> = BUILTIN_IDS
        .iter()
        .filter_map(|id| catalog::builtin(id))
        .collect();
    let name: String = match &args.name {
        Some(n) => n.clone(),
        None => Input::with_theme(&theme)
            .with_prompt("Team name")
            .default("My team".to_owned())
            .interact_text()?,
    };
    let catalog = if let Some(id) = &args.catalog {
        catalogs
            .iter()
            .find(|c| &c.id == id)
            .cloned()
            .context("unknown catalog")?
    } else {
        // One line per item, cut short so a narrow terminal does not wrap (and redraw) it.
        let items: Vec<String> = catalogs
            .iter()
            .map(|c| {
                let line = format!("{:<11} {}", c.id, c.description);
                if line.chars().count() > 72 {
                    format!("{}…", line.chars().take(71).collect::<String>())
                } else {
                    line
                }
            })
            .collect();
        let pick = Select::with_theme(&theme)
            .with_prompt("Which kind of business?")
            .items(&items)
            .default(0)
            .interact()?;
        catalogs[pick].clone()
    };
    let mut people: Vec<NewPerson> = Vec::new();
    let roles: Vec<_> = catalog
        .roles
        .iter()
        .filter(|r| r.requirement != Requirement::Optional)
        .collect();
    for role in roles {
        let mut options: Vec<String> = people
            .iter()
            .map(|p| format!("{} (`{}`)", p.name, p.id))
            .collect();
        options.push("a new person".to_owned());
        options.push("nobody yet".to_owned());
        let prompt = format!("Who is the {} ({})?", role.title, role.requirement.as_str());
        let pick = Select::with_theme(&theme)
            .with_prompt(prompt)
            .items(&options)
            .default(people.len())
            .interact()?;
        if pick < people.len() {
            people[pick].roles.push(role.id.clone());
        } else if pick == people.len() {
            people.push(ask_person(&theme, &people, &role.id)?);
        }
    }
    Ok(team_file(
        &name,
        &catalog,
        People::Named(&people),
        &args.path,
    ))
}

fn ask_person(theme: &ColorfulTheme, people: &[NewPerson], role: &str) -> Result<NewPerson> {
    let name: String = Input::with_theme(theme)
        .with_prompt("  Name")
        .interact_text()?;
    let default_id = slug(&name);
    let taken: Vec<String> = people.iter().map(|p| p.id.clone()).collect();
    let id: String = Input::with_theme(theme)
        .with_prompt("  Id (a short key, e.g. first name)")
        .default(if taken.contains(&default_id) {
            format!("{default_id}-2")
        } else {
            default_id
        })
        .validate_with(move |s: &String| -> Result<(), String> {
            if s.trim().is_empty() || s.contains(char::is_whitespace) {
                Err("one word, no spaces".to_owned())
            } else if taken.contains(s) {
                Err("that id is taken".to_owned())
            } else {
                Ok(())
            }
        })
        .interact_text()?;
    let engagements = [
        Engagement::Employee,
        Engagement::Contractor,
        Engagement::Agency,
    ];
    let pick = Select::with_theme(theme)
        .with_prompt("  Engagement")
        .items(engagements.map(Engagement::as_str))
        .default(0)
        .interact()?;
    let fte: f64 = Input::with_theme(theme)
        .with_prompt("  Share of their time for this team (fte, 0 < fte <= 1)")
        .default(1.0)
        .validate_with(|v: &f64| {
            if *v > 0.0 && *v <= 1.0 {
                Ok(())
            } else {
                Err("more than 0, at most 1")
            }
        })
        .interact_text()?;
    Ok(NewPerson {
        id,
        name,
        roles: vec![role.to_owned()],
        fte,
        engagement: engagements[pick],
    })
}

fn slug(name: &str) -> String {
    let s: String = name
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() { "person".to_owned() } else { s }
}

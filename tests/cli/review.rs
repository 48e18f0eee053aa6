//! Beyond the linter: `diff` for reviews, the HTML `report`, and the Mermaid chart.

use std::process::Command;

use crate::support::{CLEAN_SMALL_TEAM, Scratch, run, teamplan};

/// The clean team after a change: Sam leaves, Ines takes customer service at half time,
/// and a contractor joins as a tester.
fn changed_team() -> String {
    CLEAN_SMALL_TEAM
        .replace(
            "[people.sam]\nname = \"Sam\"\nroles = [\"customer-service-representative\"]\n",
            "",
        )
        .replace(
            "roles = [\"digital-marketing-specialist\"]",
            "roles = [\"digital-marketing-specialist\", \"customer-service\"]\nfte = 0.5",
        )
        + "\n[people.qa]\nname = \"Quinn\"\nroles = [\"qa-tester\"]\nengagement = \"contractor\"\n"
}

#[test]
fn diff_shows_people_roles_fte_cells_and_findings() {
    let s = Scratch::new();
    let old = s.write("old.toml", CLEAN_SMALL_TEAM);
    let new = s.write("new.toml", &changed_team());
    let (code, out, err) = run(&[
        "diff",
        &old.to_string_lossy(),
        &new.to_string_lossy(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let d: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(d["version"], 1);
    let team = &d["teams"][0];
    assert_eq!(team["status"], "changed");
    assert_eq!(team["people_added"][0]["id"], "qa");
    assert_eq!(team["people_removed"][0]["id"], "sam");
    assert_eq!(
        team["roles"][0],
        serde_json::json!({"person": "ines", "gained": ["customer-service-representative"], "lost": []})
    );
    assert_eq!(
        team["fte"][0],
        serde_json::json!({"person": "ines", "old": 1.0, "new": 0.5})
    );
    let cells = team["raci"].as_array().expect("cells");
    assert!(cells.iter().any(|c| c["activity"] == "process-returns"
        && c["person"] == "sam"
        && c["old"] == "AR"
        && c["new"].as_str() == Some("")));
    assert!(
        cells.iter().any(|c| c["activity"] == "process-returns"
            && c["person"] == "ines"
            && c["new"] == "AR")
    );
    let added: Vec<&str> = d["findings_added"]
        .as_array()
        .expect("added")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(
        added.contains(&"overloaded"),
        "Ines at half time with two hats: {added:?}"
    );
    assert_eq!(d["findings_fixed"].as_array().map(Vec::len), Some(0));

    let (_, human, _) = run(&["diff", &old.to_string_lossy(), &new.to_string_lossy()]);
    assert!(human.contains("+ Quinn (qa): qa-tester, 1 fte"), "{human}");
    assert!(
        human.contains("- Sam (sam): customer-service-representative"),
        "{human}"
    );
    assert!(human.contains("ines: fte 1 → 0.5"), "{human}");
    assert!(
        human.contains("process-returns: ines – → A/R, sam A/R → –"),
        "{human}"
    );
    insta::assert_snapshot!(
        "diff_markdown",
        run(&[
            "diff",
            &old.to_string_lossy(),
            &new.to_string_lossy(),
            "--format",
            "markdown"
        ])
        .1
        .replace(&s.path().display().to_string(), "[DIR]")
    );
}

#[test]
fn fail_on_new_errors_gates_only_when_asked() {
    let s = Scratch::new();
    let old = s.write("old.toml", CLEAN_SMALL_TEAM);
    let new = s.write(
        "new.toml",
        &CLEAN_SMALL_TEAM.replace("roles = [\"web-developer\"]", "roles = []"),
    );
    let (old, new) = (old.to_string_lossy(), new.to_string_lossy());
    assert_eq!(run(&["diff", &old, &new]).0, 0);
    assert_eq!(run(&["diff", &old, &new, "--fail-on-new-errors"]).0, 1);
    assert_eq!(
        run(&["diff", &new, &old, "--fail-on-new-errors"]).0,
        0,
        "fixing errors passes"
    );
    let (_, out, _) = run(&["diff", &new, &old]);
    assert!(
        out.contains("fixed findings:") && out.contains("error[missing-role]"),
        "{out}"
    );
}

#[test]
fn diff_over_folders_sees_teams_added_and_removed() {
    let s = Scratch::new();
    s.write("before/a.toml", &CLEAN_SMALL_TEAM.replace("Clean", "Alpha"));
    s.write("after/a.toml", &CLEAN_SMALL_TEAM.replace("Clean", "Alpha"));
    s.write(
        "after/b.toml",
        &CLEAN_SMALL_TEAM
            .replace("Clean", "Beta")
            .replace("[people.", "[people.b-"),
    );
    let (code, out, err) = run(&[
        "diff",
        &s.path().join("before").to_string_lossy(),
        &s.path().join("after").to_string_lossy(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let d: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        d["teams"].as_array().map(Vec::len),
        Some(1),
        "unchanged Alpha is not listed"
    );
    assert_eq!(d["teams"][0]["team"], "Beta");
    assert_eq!(d["teams"][0]["status"], "added");
}

/// `git` run in `dir`, which it first makes a repository with a committer.
pub fn git_in(dir: &std::path::Path) -> impl Fn(&[&str]) + '_ {
    let git = move |args: &[&str]| {
        let out = Command::new("git")
            .current_dir(dir)
            .args(args)
            .output()
            .expect("git");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&["config", "user.email", "t@example.com"]);
    git(&["config", "user.name", "t"]);
    git
}

#[test]
fn diff_with_git_compares_against_a_revision() {
    let s = Scratch::new();
    let git = git_in(s.path());
    s.write("teams/shop.toml", CLEAN_SMALL_TEAM);
    git(&["add", "."]);
    git(&["commit", "-qm", "team"]);
    s.write("teams/shop.toml", &changed_team());
    let out = teamplan()
        .current_dir(s.path())
        .args(["diff", "--git", "HEAD", "teams", "--format", "json"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(d["teams"][0]["people_removed"][0]["id"], "sam");
    let out = teamplan()
        .current_dir(s.path())
        .args(["diff", "--git", "HEAD", "teams/shop.toml"])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&out.stdout).contains("- Sam (sam)"));
    let out = teamplan()
        .current_dir(s.path())
        .args(["diff", "--git", "no-such-rev", "teams"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a git revision"));
}

#[test]
fn diff_says_when_a_person_who_joins_holds_no_role() {
    let (code, out, err) = run(&[
        "diff",
        "examples/northwind-b2b.toml",
        "examples/broken.toml",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("+ Cy Moss (cy): no roles, 1 fte"), "{out}");
    assert!(!out.contains(": , "), "{out}");
}

#[test]
fn diff_needs_two_paths_without_git() {
    let (code, _, err) = run(&["diff", "examples/broken.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("two paths"), "{err}");
}

#[test]
fn report_is_one_self_contained_page_with_every_section() {
    let s = Scratch::new();
    let target = s.path().join("org.html");
    let (code, _, err) = run(&[
        "report",
        "examples/org",
        "--output",
        &target.to_string_lossy(),
    ]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&target).expect("written");
    assert!(
        !html.contains("<script") && !html.contains("<link") && !html.contains("src="),
        "no external assets"
    );
    for needle in [
        "<title>Team report: examples/org</title>",
        "Coverage of the catalog",
        "<svg class=\"workload\"",
        "Findings",
        "RACI matrix",
        "over-allocated",
        "Marketplaces",
        "@media print",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
    assert_eq!(html.matches("<section class=\"team\"").count(), 3);
    let (_, single, _) = run(&["report", "examples/lumiere-b2c.toml"]);
    assert!(single.contains("<title>Maison Lumière: team report</title>"));
    assert!(
        single.contains("<span class=\"badge missing\">missing</span>"),
        "Content Creator is missing"
    );
    assert!(single.contains("13 / 10 over"), "Hugo's overload is drawn");
}

#[test]
fn mermaid_links_people_to_roles_to_areas() {
    let (code, out, _) = run(&[
        "raci",
        "examples/pine-and-pixel-small-team.toml",
        "--format",
        "mermaid",
    ]);
    assert_eq!(code, 0);
    assert!(out.starts_with("```mermaid\nflowchart LR\n"));
    assert!(out.trim_end().ends_with("```"));
    assert!(out.contains("  p_maya[\"Maya Lindgren\"]\n  p_maya --> r_ecommerce_2d_manager\n"));
    assert!(out.contains("  r_customer_2d_service_2d_representative --> a_customer\n"));
    assert!(out.contains("  a_customer{{\"Customer\"}}\n"));
    for line in out
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("  %%"))
    {
        let ok = line.contains(" --> ")
            || line.contains("[\"")
            || line.contains("([\"")
            || line.contains("{{\"");
        assert!(ok, "not a node or an edge: {line}");
    }
    let s = Scratch::new();
    let hostile = s.write(
        "t.toml",
        &CLEAN_SMALL_TEAM.replace("name = \"Tom\"", "name = \"T\\\"o]m\\n--> x\""),
    );
    let (_, out, _) = run(&["raci", &hostile.to_string_lossy(), "--format", "mermaid"]);
    assert!(out.contains("p_tom[\"T#quot;o m\\n--#gt; x\"]"), "{out}");
    let bare = s.path().join("chart.mmd");
    run(&[
        "raci",
        "examples/pine-and-pixel-small-team.toml",
        "--format",
        "mermaid",
        "-o",
        &bare.to_string_lossy(),
    ]);
    assert!(
        std::fs::read_to_string(&bare)
            .expect("written")
            .starts_with("flowchart LR")
    );
}

#[test]
fn report_places_findings_by_file_when_two_teams_share_a_name() {
    let s = Scratch::new();
    s.write("a.toml", CLEAN_SMALL_TEAM);
    // Same team name, and a role nobody knows: its finding belongs to b.toml's section only.
    s.write(
        "b.toml",
        &CLEAN_SMALL_TEAM.replace("[\"web-developer\"]", "[\"web-developer\", \"wizard\"]"),
    );
    let (code, html, err) = run(&["report", &s.path().to_string_lossy()]);
    assert_eq!(code, 0, "{err}");
    let sections: Vec<&str> = html.split("<section class=\"team\"").skip(1).collect();
    assert_eq!(sections.len(), 2, "{html}");
    let with = |needle: &str| sections.iter().filter(|s| s.contains(needle)).count();
    assert_eq!(
        with("unknown-role"),
        1,
        "the finding is shown once, in b's section"
    );
    assert!(
        sections[1].contains("unknown-role"),
        "b.toml is the second file"
    );
    assert!(
        sections[0].contains("badge ok"),
        "a.toml has no finding: the duplicate-team error is at b.toml"
    );
}

#[test]
fn diff_with_git_reads_every_name_and_never_takes_a_failure_for_added_files() {
    let s = Scratch::new();
    let git = git_in(s.path());
    // Names git quotes in its plain output: non-ASCII, a space, a quote.
    for name in ["équipe.toml", "a team.toml", "q\"uote.toml"] {
        let team = CLEAN_SMALL_TEAM.replace("\"Clean\"", &format!("\"{}\"", name.len()));
        s.write(&format!("teams/{name}"), &team);
    }
    git(&["add", "."]);
    git(&["commit", "-qm", "teams"]);
    let run_diff = |args: &[&str]| {
        teamplan()
            .current_dir(s.path())
            .arg("diff")
            .args(args)
            .output()
            .expect("run")
    };
    let out = run_diff(&["--git", "HEAD", "teams", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        d["teams"].as_array().map(Vec::len),
        Some(0),
        "nothing changed: {d}"
    );

    // A revision that reads as an option, and a failing git, are errors (exit 2).
    let out = run_diff(&["--git", "--output=/tmp/x", "teams"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run_diff(&["--git", "HEAD~5", "teams"]);
    assert_eq!(out.status.code(), Some(2));
    // Old blobs are bounded like files.
    let out = run_diff(&["--git", "HEAD", "teams", "--max-file-size", "100"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("more than --max-file-size"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn report_on_a_file_that_does_not_parse_says_why_it_fails() {
    let s = Scratch::new();
    s.write("teams/web.toml", CLEAN_SMALL_TEAM);
    s.write(
        "teams/broken.toml",
        "[team]\nname = \"Broken\ncatalog = \"b2b\"\n",
    );
    let target = s.path().join("org.html");
    let (code, _, err) = run(&[
        "report",
        &s.path().join("teams").to_string_lossy(),
        "--output",
        &target.to_string_lossy(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("broken.toml:2:"), "the file and place: {err}");
    assert!(err.contains("teamplan check"), "{err}");
    // The page is still written, with the team that could be read.
    let page = std::fs::read_to_string(&target).expect("page");
    assert!(page.contains("Clean"), "{}", &page[..page.len().min(400)]);
}

#[test]
fn diff_with_git_of_any_path_in_an_org_compares_the_whole_org() {
    let s = Scratch::new();
    let git = git_in(s.path());
    for file in [
        "org",
        "leadership",
        "sales",
        "customer-service",
        "digital",
        "marketing",
        "operations",
    ] {
        let text =
            std::fs::read_to_string(format!("examples/northstar/{file}.toml")).expect("read");
        s.write(&format!("teams/{file}.toml"), &text);
    }
    git(&["add", "."]);
    git(&["commit", "-qm", "org"]);
    let diff = |path: &str| {
        let out = teamplan()
            .current_dir(s.path())
            .args(["diff", "--git", "HEAD", path, "--format", "json"])
            .output()
            .expect("run");
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|_| panic!("{path}: {}", String::from_utf8_lossy(&out.stderr)));
        (out.status.code(), doc)
    };
    // Nothing changed: nothing to say, from the org file, a unit or the folder.
    for path in ["teams/org.toml", "teams/sales.toml", "teams"] {
        let (code, doc) = diff(path);
        assert_eq!(code, Some(0), "{path}: {doc:#}");
        assert_eq!(
            doc["teams"].as_array().map(Vec::len),
            Some(0),
            "{path}: {doc:#}"
        );
        assert_eq!(
            doc["findings_added"].as_array().map(Vec::len),
            Some(0),
            "{path}: {doc:#}"
        );
    }
    // One unit over-books a shared person: the same one new finding from any path.
    let sales = std::fs::read_to_string(s.path().join("teams/sales.toml")).expect("read");
    assert!(
        sales.contains("fte = 0.5"),
        "the example shares someone at 0.5"
    );
    s.write(
        "teams/sales.toml",
        &sales.replacen("fte = 0.5", "fte = 0.6", 1),
    );
    for path in ["teams/org.toml", "teams/marketing.toml", "teams"] {
        let (_, doc) = diff(path);
        let rules: Vec<&str> = doc["findings_added"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|f| f["rule"].as_str().unwrap_or_default())
            .collect();
        assert_eq!(rules, ["over-allocated"], "{path}: {doc:#}");
    }
}

#[test]
fn diff_of_an_org_shows_a_move_between_units() {
    let s = Scratch::new();
    let org = "[org]\nname = \"Pine\"\ncatalog = \"small-team\"\n";
    let lead = "[team]\nname = \"Leadership\"\n\n[people.maya]\nroles = [\"ecommerce-manager\", \"web-developer\"]\n";
    let shop = "[team]\nname = \"Shop\"\n\n[people.ines]\nroles = [\"digital-marketing-specialist\", \"customer-service-representative\"]\n";
    s.write("a/org.toml", org);
    s.write("a/lead.toml", lead);
    s.write("a/shop.toml", shop);
    // Ines moves to Leadership with the same roles.
    s.write("b/org.toml", org);
    s.write(
        "b/lead.toml",
        &format!("{lead}{}", &shop[shop.find("\n[people").unwrap_or(0)..]),
    );
    s.write("b/shop.toml", "[team]\nname = \"Shop\"\n");
    let (a, b) = (s.path().join("a"), s.path().join("b"));
    let (code, out, err) = run(&[
        "diff",
        a.to_str().unwrap_or_default(),
        b.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("ines: unit Shop → Leadership"), "{out}");
    let (_, json, _) = run(&[
        "diff",
        a.to_str().unwrap_or_default(),
        b.to_str().unwrap_or_default(),
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(
        doc["teams"][0]["units"],
        serde_json::json!([{"person": "ines", "old": ["Shop"], "new": ["Leadership"]}])
    );
}

#[test]
fn diff_of_two_folders_matches_a_finding_that_names_a_file_of_its_side() {
    let s = Scratch::new();
    let team = |name: &str| {
        format!(
            "[team]\nname = \"{name}\"\ncatalog = \"small-team\"\n\n[people.maya]\nroles = [\"ecommerce-manager\", \"web-developer\"]\n\n[people.ines]\nroles = [\"digital-marketing-specialist\", \"customer-service-representative\"]\n"
        )
    };
    for side in ["a", "b"] {
        // Two files with one team name: the message names the other file, under a/ or b/;
        // the sides are alike, so nothing was added or fixed.
        s.write(&format!("{side}/one.toml"), &team("Shop"));
        s.write(&format!("{side}/two.toml"), &team("Shop"));
    }
    let (a, b) = (s.path().join("a"), s.path().join("b"));
    let (_, json, err) = run(&[
        "diff",
        a.to_str().unwrap_or_default(),
        b.to_str().unwrap_or_default(),
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|_| panic!("{err}"));
    assert_eq!(doc["findings_added"], serde_json::json!([]), "{doc:#}");
    assert_eq!(doc["findings_fixed"], serde_json::json!([]), "{doc:#}");
}

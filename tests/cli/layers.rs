//! The shape of `src/`: each layer imports only from the layers below it, no two files
//! import each other (directly or round a loop), a folder's `mod.rs` only declares and
//! re-exports (so no child reaches up into it), and no source file is over 400 lines.
//!
//! The checker reads `use crate::…`, `crate::…` and `super::…` paths (use-trees with braces
//! included) outside comments and `#[cfg(test)]` modules, and resolves each path to the
//! deepest file it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers, bottom first. A file may import from its own layer and those before it.
const LAYERS: &[&str] = &[
    "diag", "input", "catalog", "team", "resolve", "rules", "analysis", "diff", "plan", "suggest",
    "render", "write", "cli", "commands", "lib", "main",
];

const MAX_LINES: usize = 400;

/// Source files by path relative to `src/` (`render/escape.rs`).
type Tree = BTreeMap<String, String>;

fn read_src() -> Tree {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut tree = Tree::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(&root).expect("under src");
                let rel = rel.to_string_lossy().replace('\\', "/");
                tree.insert(rel, std::fs::read_to_string(&path).expect("read"));
            }
        }
    }
    tree
}

/// The layer of a file: its first path component (`render/escape.rs` → `render`).
fn layer(file: &str) -> usize {
    let first = file
        .split('/')
        .next()
        .unwrap_or(file)
        .trim_end_matches(".rs");
    LAYERS
        .iter()
        .position(|l| *l == first)
        .unwrap_or_else(|| panic!("src/{file} is in no layer; add `{first}` to LAYERS"))
}

/// The module path of a file: `render/matrix/mod.rs` → `[render, matrix]`.
fn module_of(file: &str) -> Vec<String> {
    let mut parts: Vec<String> = file.split('/').map(str::to_owned).collect();
    let last = parts.pop().unwrap_or_default();
    if last != "mod.rs" && last != "lib.rs" && last != "main.rs" {
        parts.push(last.trim_end_matches(".rs").to_owned());
    }
    parts
}

/// The code of a file without comments and without its `#[cfg(test)]` modules.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut skip_depth: Option<usize> = None;
    let mut depth = 0usize;
    let mut pending_test = false;
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or_default();
        let trimmed = line.trim();
        if trimmed.starts_with("#[cfg(test)]") {
            pending_test = true;
            continue;
        }
        if pending_test && trimmed.starts_with("mod ") && skip_depth.is_none() {
            skip_depth = Some(depth);
        }
        if !trimmed.is_empty() && !trimmed.starts_with("#[") {
            pending_test = false;
        }
        for c in line.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        if let Some(d) = skip_depth {
            if depth <= d && line.contains('}') {
                skip_depth = None;
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Every path a use-tree starting at `text` names, as segment lists (`a::{b, c::d}` →
/// `[a, b]`, `[a, c, d]`), and how many bytes it took.
fn use_tree(text: &str) -> (Vec<Vec<String>>, usize) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut prefix: Vec<String> = Vec::new();
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'{' {
            i += 1;
            let mut paths = Vec::new();
            loop {
                while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b',') {
                    i += 1;
                }
                if i >= bytes.len() || bytes[i] == b'}' {
                    i += 1;
                    break;
                }
                let (inner, used) = use_tree(&text[i..]);
                i += used.max(1);
                for p in inner {
                    let mut full = prefix.clone();
                    full.extend(p);
                    paths.push(full);
                }
            }
            return (paths, i);
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
            i += 1;
        }
        if start == i {
            return (vec![prefix], i);
        }
        prefix.push(text[start..i].to_owned());
        if text[i..].starts_with("::") {
            i += 2;
        } else {
            return (vec![prefix], i);
        }
    }
}

/// The paths a file names through `crate::` and `super::`, made absolute (from `src/`).
fn references(file: &str, text: &str) -> Vec<Vec<String>> {
    let code = code(text);
    let module = module_of(file);
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = code[at..].find(['c', 's']) {
        let i = at + found;
        at = i + 1;
        let before = code[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[i..];
        let (base, skip) = if rest.starts_with("crate::") {
            (Vec::new(), "crate::".len())
        } else if rest.starts_with("super::") {
            let mut base = module.clone();
            let mut skip = 0;
            while rest[skip..].starts_with("super::") {
                base.pop();
                skip += "super::".len();
            }
            (base, skip)
        } else {
            continue;
        };
        let (paths, used) = use_tree(&rest[skip..]);
        at = i + skip + used;
        for p in paths {
            let mut full = base.clone();
            full.extend(p.into_iter().filter(|s| s != "self"));
            out.push(full);
        }
    }
    out
}

/// The deepest file a module path names (`[render, escape, html]` → `render/escape.rs`).
fn resolve(tree: &Tree, path: &[String]) -> Option<String> {
    let mut dir = String::new();
    let mut found = None;
    for seg in path {
        let file = format!("{dir}{seg}.rs");
        let folder = format!("{dir}{seg}/mod.rs");
        if tree.contains_key(&file) {
            return Some(file);
        } else if tree.contains_key(&folder) {
            found = Some(folder);
            dir = format!("{dir}{seg}/");
        } else {
            break;
        }
    }
    found
}

/// Everything wrong with the shape of `tree`, one line each.
fn problems(tree: &Tree) -> Vec<String> {
    let mut problems = Vec::new();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, text) in tree {
        let lines = text.lines().count();
        if lines > MAX_LINES {
            problems.push(format!(
                "src/{file} has {lines} lines (at most {MAX_LINES})"
            ));
        }
        if file.ends_with("mod.rs") {
            for statement in code(text).split(';') {
                let s = statement.trim();
                let s = s.trim_start_matches(|c: char| c != 'p' && c != 'm' && c != 'u');
                let allowed = ["mod ", "pub mod ", "use ", "pub use ", "pub(crate) use "];
                if !s.is_empty() && !allowed.iter().any(|a| s.starts_with(a)) {
                    problems.push(format!(
                        "src/{file} defines something (`{}`): a mod.rs only declares and re-exports",
                        s.lines().next().unwrap_or_default()
                    ));
                }
            }
        }
        let from = layer(file);
        for path in references(file, text) {
            let Some(target) = resolve(tree, &path) else {
                continue;
            };
            if &target == file {
                continue;
            }
            if layer(&target) > from {
                problems.push(format!(
                    "src/{file} ({}) imports src/{target} ({}): a layer imports only from below",
                    LAYERS[from],
                    LAYERS[layer(&target)]
                ));
            }
            if let Some(folder) = target.strip_suffix("mod.rs") {
                if !folder.is_empty() && file.starts_with(folder) {
                    problems.push(format!(
                        "src/{file} reaches up into src/{target} (`{}`): import the sibling file",
                        path.join("::")
                    ));
                }
            }
            edges.entry(file.clone()).or_default().insert(target);
        }
    }
    if let Some(cycle) = find_cycle(&edges) {
        problems.push(format!("import loop: {}", cycle.join(" → ")));
    }
    problems
}

/// A loop in the import graph, if there is one.
fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    // 0 = unvisited, 1 = on the current path, 2 = done.
    let mut state: BTreeMap<&str, u8> = BTreeMap::new();
    for start in edges.keys() {
        if state.get(start.as_str()).copied().unwrap_or(0) != 0 {
            continue;
        }
        let mut path: Vec<(&str, Vec<&str>)> = vec![(
            start.as_str(),
            edges[start].iter().map(String::as_str).collect(),
        )];
        state.insert(start, 1);
        while let Some((node, next)) = path.last_mut() {
            let node = *node;
            if let Some(to) = next.pop() {
                match state.get(to).copied().unwrap_or(0) {
                    0 => {
                        state.insert(to, 1);
                        let out = edges
                            .get(to)
                            .map(|s| s.iter().map(String::as_str).collect())
                            .unwrap_or_default();
                        path.push((to, out));
                    }
                    1 => {
                        let from = path.iter().position(|(n, _)| *n == to).unwrap_or(0);
                        let mut cycle: Vec<String> =
                            path[from..].iter().map(|(n, _)| (*n).to_owned()).collect();
                        cycle.push(to.to_owned());
                        return Some(cycle);
                    }
                    _ => {}
                }
            } else {
                state.insert(node, 2);
                path.pop();
            }
        }
    }
    None
}

#[test]
fn src_is_layered_without_loops() {
    let tree = read_src();
    let found = problems(&tree);
    assert!(found.is_empty(), "{}", found.join("\n"));
    // The checker sees the imports: every layer above diag imports something.
    let imported: usize = tree.iter().map(|(f, t)| references(f, t).len()).sum();
    assert!(imported > 100, "only {imported} imports found in src/");
}

#[test]
fn the_checker_catches_each_kind_of_problem() {
    let tree: Tree = [
        ("lib.rs", "pub mod diag;\npub mod rules;\n"),
        ("diag/mod.rs", "//! Docs.\npub mod finding;\npub mod rule;\npub use rule::Rule;\n"),
        // diag reaching up into rules, and a loop between two diag files.
        (
            "diag/finding.rs",
            "use crate::rules::check;\nuse super::rule::Rule;\n",
        ),
        (
            "diag/rule.rs",
            "use crate::diag::{finding::Finding, Rule};\npub enum Rule {}\n",
        ),
        (
            "rules/mod.rs",
            "mod roles;\npub fn check() {}\n#[cfg(test)]\nmod tests {\n    use crate::rules::roles;\n}\n",
        ),
        (
            "rules/roles.rs",
            "// use crate::lib; in a comment is no import\nfn f() { crate::diag::rule::Rule::x(); }\n",
        ),
    ]
    .into_iter()
    .map(|(f, t)| (f.to_owned(), t.to_owned()))
    .collect();
    let found = problems(&tree).join("\n");
    assert!(
        found.contains("src/diag/finding.rs (diag) imports src/rules/mod.rs (rules)"),
        "{found}"
    );
    assert!(
        found.contains("src/rules/mod.rs defines something (`pub fn check() {}`)"),
        "{found}"
    );
    assert!(
        found.contains("src/diag/rule.rs reaches up into src/diag/mod.rs (`diag::Rule`)"),
        "{found}"
    );
    assert!(found.contains("import loop: diag/"), "{found}");
    assert!(
        found.contains("diag/finding.rs") && found.contains("→ diag/rule.rs"),
        "{found}"
    );
    // Test modules and comments are not imports; a child naming its sibling file is fine.
    assert!(!found.contains("rules/roles.rs"), "{found}");

    let long: Tree = [("diag/mod.rs".to_owned(), "mod x;\n".repeat(401))].into();
    assert_eq!(
        problems(&long),
        ["src/diag/mod.rs has 401 lines (at most 400)"]
    );
}

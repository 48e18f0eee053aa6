//! A fuzzing harness that runs on stable Rust, for machines without nightly (where
//! `cargo fuzz` cannot build): the same body as the libFuzzer target, driven by a simple
//! mutator (bit flips, byte edits, dictionary tokens, splices) with a behavioural
//! fingerprint standing in for coverage feedback. It also replays files, e.g. crash
//! artifacts found by `cargo fuzz`.
//!
//! ```text
//! cargo run --release --bin stable -- [--seconds N] [--runs N] [--seed N] [PATH...]
//! ```
//!
//! PATHs are seed files or folders (default: `fuzz/corpus/check`, `examples`, `catalogs`,
//! `tests/fixtures/bad`). A panic is saved to `fuzz/artifacts/check/crash-HASH` and stops the
//! run with exit code 1.

use std::collections::HashSet;
use std::io::Write as _;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

struct Options {
    seconds: Option<u64>,
    runs: Option<u64>,
    seed: u64,
    paths: Vec<PathBuf>,
}

fn usage() -> ! {
    eprintln!("usage: stable [--seconds N] [--runs N] [--seed N] [PATH...]");
    std::process::exit(2);
}

fn options() -> Options {
    let mut o = Options {
        seconds: None,
        runs: None,
        seed: 0x7ea3_91a2,
        paths: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = || -> u64 {
            args.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| usage())
        };
        match arg.as_str() {
            "--seconds" => o.seconds = Some(number()),
            "--runs" => o.runs = Some(number()),
            "--seed" => o.seed = number(),
            "-h" | "--help" => usage(),
            _ => o.paths.push(PathBuf::from(arg)),
        }
    }
    if o.paths.is_empty() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for p in [
            "corpus/check",
            "../examples",
            "../catalogs",
            "../tests/fixtures/bad",
        ] {
            o.paths.push(root.join(p));
        }
    }
    o
}

/// Seed files: every file under the paths, up to 1 MiB each.
fn seeds(paths: &[PathBuf]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = paths.to_vec();
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&p) {
                let mut children: Vec<PathBuf> =
                    entries.filter_map(|e| Some(e.ok()?.path())).collect();
                children.sort();
                stack.extend(children);
            }
        } else if let Some(bytes) = p
            .metadata()
            .is_ok_and(|m| m.is_file() && m.len() <= 1 << 20)
            .then(|| std::fs::read(&p).ok())
            .flatten()
        {
            out.push(bytes);
        }
    }
    out
}

/// The `"..."` entries of a libFuzzer dictionary, with `\xNN`, `\\` and `\"` escapes.
fn dictionary() -> Vec<Vec<u8>> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("check.dict"))
        .unwrap_or_default();
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        let (Some(start), Some(end)) = (line.find('"'), line.rfind('"')) else {
            continue;
        };
        if line.starts_with('#') || end <= start {
            continue;
        }
        let body = line.get(start + 1..end).unwrap_or_default().as_bytes();
        let mut token = Vec::new();
        let mut i = 0;
        while let Some(&b) = body.get(i) {
            if b == b'\\' {
                match body.get(i + 1) {
                    Some(b'x') => {
                        let hex = body
                            .get(i + 2..i + 4)
                            .and_then(|h| std::str::from_utf8(h).ok());
                        if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                            token.push(v);
                        }
                        i += 4;
                    }
                    Some(&c) => {
                        token.push(c);
                        i += 2;
                    }
                    None => i += 1,
                }
            } else {
                token.push(b);
                i += 1;
            }
        }
        out.push(token);
    }
    out
}

/// xorshift64*: small, fast, and the same sequence for the same seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            usize::try_from(self.next() % n as u64).unwrap_or(0)
        }
    }
}

const INTERESTING: &[u8] = b"\0\xff\n\r\t\"'[]{}=,.#\\\x1b\xc3\xef\x7f0-";

fn mutate(input: &mut Vec<u8>, rng: &mut Rng, corpus: &[Vec<u8>], dict: &[Vec<u8>]) {
    for _ in 0..=rng.below(6) {
        let len = input.len();
        match rng.below(8) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                input[i] = INTERESTING[rng.below(INTERESTING.len())];
            }
            2 if !dict.is_empty() => {
                let token = &dict[rng.below(dict.len())];
                let at = rng.below(len + 1);
                input.splice(at..at, token.iter().copied());
            }
            3 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(32)).min(len);
                input.drain(start..end);
            }
            4 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(64)).min(len);
                let chunk: Vec<u8> = input[start..end].to_vec();
                let at = rng.below(len + 1);
                // Now and then many copies: deep nesting, long lines, huge tables.
                let most = if rng.below(16) == 0 { 2000 } else { 3 };
                let times = 1 + rng.below(most);
                for _ in 0..times {
                    input.splice(at..at, chunk.iter().copied());
                }
            }
            5 if !corpus.is_empty() => {
                let other = &corpus[rng.below(corpus.len())];
                let cut = rng.below(len + 1);
                let from = rng.below(other.len() + 1);
                input.truncate(cut);
                input.extend_from_slice(&other[from..]);
            }
            6 => {
                let at = rng.below(len + 1);
                let n = rng.next() % 100_000;
                input.splice(at..at, n.to_string().into_bytes());
            }
            7 if len > 0 => input.truncate(rng.below(len)),
            _ => {}
        }
        input.truncate(64 * 1024);
    }
}

fn save_crash(input: &[u8]) -> PathBuf {
    use std::hash::{Hash as _, Hasher as _};
    let mut h = std::hash::DefaultHasher::new();
    input.hash(&mut h);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts/check");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("crash-{:016x}", h.finish()));
    let _ = std::fs::write(&path, input);
    path
}

fn main() {
    let o = options();
    let dict = dictionary();
    let mut corpus = seeds(&o.paths);
    if corpus.is_empty() {
        corpus.push(Vec::new());
    }
    let replay_only = o.seconds.is_none() && o.runs.is_none();
    let mut rng = Rng(o.seed | 1);
    let mut fingerprints = HashSet::new();
    let started = Instant::now();
    let mut last_report = started;
    let mut execs: u64 = 0;
    let seeds = corpus.len();
    let mut queue: std::collections::VecDeque<Vec<u8>> = corpus.iter().cloned().collect();
    loop {
        let input = if let Some(seed) = queue.pop_front() {
            seed
        } else if replay_only {
            break;
        } else {
            let mut input = corpus[rng.below(corpus.len())].clone();
            mutate(&mut input, &mut rng, &corpus, &dict);
            input
        };
        let result = std::panic::catch_unwind(AssertUnwindSafe(|| teamplan_fuzz::check(&input)));
        execs += 1;
        match result {
            Ok(fingerprint) => {
                if fingerprints.insert(fingerprint) && execs > seeds as u64 {
                    corpus.push(input);
                }
            }
            Err(_) => {
                let path = save_crash(&input);
                eprintln!(
                    "crash after {execs} runs: input saved to {}",
                    path.display()
                );
                std::process::exit(1);
            }
        }
        let elapsed = started.elapsed();
        if last_report.elapsed() >= Duration::from_secs(10) {
            last_report = Instant::now();
            eprintln!(
                "#{execs}\tcorpus {}\tbehaviours {}\t{:.0} exec/s",
                corpus.len(),
                fingerprints.len(),
                execs as f64 / elapsed.as_secs_f64()
            );
        }
        if o.seconds.is_some_and(|s| elapsed >= Duration::from_secs(s))
            || o.runs.is_some_and(|r| execs >= r)
        {
            break;
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let _ = writeln!(
        std::io::stderr(),
        "done: {execs} runs in {secs:.0} s ({:.0} exec/s), {} seeds, corpus {}, {} behaviours, 0 crashes",
        execs as f64 / secs.max(0.001),
        seeds,
        corpus.len(),
        fingerprints.len()
    );
}

//! What the corpus runners (`corpus.rs`, `drv.rs`) share: reading
//! `known-failures.txt`, the error paragraph Nix's output is compared on,
//! and running every case on all cores with one report.

#![allow(dead_code)] // each runner uses its own subset

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The first paragraph of an error output: from the first line starting
/// with `error:` up to the first empty line.
/// `tangle` run in `dir` the way every corpus case runs: no `NIX_PATH`,
/// UTC, no stdin, stdout and stderr captured.
pub fn tangle_command(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tangle"));
    c.current_dir(dir)
        .env_remove("NIX_PATH")
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// `tangle eval ARGS…` without `NIX_PATH`: exit code, stdout, stderr.
pub fn tangle_eval(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tangle"))
        .arg("eval")
        .args(args)
        .env_remove("NIX_PATH")
        .output()
        .expect("run tangle");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub fn error_paragraph(stderr: &str) -> String {
    let mut out = Vec::new();
    let mut started = false;
    for line in stderr.split('\n') {
        if !started {
            if line.starts_with("error:") {
                started = true;
                out.push(line);
            }
        } else {
            if line.trim().is_empty() {
                break;
            }
            out.push(line);
        }
    }
    out.join("\n") + "\n"
}

/// [`error_paragraph`] on bytes, which need not be UTF-8 (Nix's messages
/// can hold a lone byte of a multi-byte character).
pub fn error_paragraph_bytes(stderr: &[u8]) -> Vec<u8> {
    let mut out: Vec<&[u8]> = Vec::new();
    let mut started = false;
    for line in stderr.split(|&c| c == b'\n') {
        if !started {
            if line.starts_with(b"error:") {
                started = true;
                out.push(line);
            }
        } else {
            if line.trim_ascii().is_empty() {
                break;
            }
            out.push(line);
        }
    }
    let mut text = out.join(&b'\n');
    text.push(b'\n');
    text
}

/// `s` cut to about `max` bytes, for failure messages.
pub fn trunc(s: &str, max: usize) -> String {
    if s.len() > max {
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}…", &s[..end])
    } else {
        s.to_string()
    }
}

/// `known-failures.txt` in `dir`: case name → reason.
pub fn known_failures(dir: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(dir.join("known-failures.txt")).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once(char::is_whitespace) {
            Some((n, why)) => (n.to_string(), why.trim().to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

/// How a corpus is run and reported.
pub struct Suite {
    /// "corpus", "drv corpus": the report line's label.
    pub label: &'static str,
    pub dir: PathBuf,
    /// Fewer cases than this is an error (a broken checkout).
    pub min_cases: usize,
    /// Environment variables: run only names containing the value; print
    /// every failure.
    pub filter_env: &'static str,
    pub list_env: &'static str,
    pub run_case: fn(&Path, &str) -> Result<(), String>,
}

/// Run every case on all cores and fail on an unexpected failure or a
/// known failure that now passes.
pub fn run_suite(suite: &Suite, mut names: Vec<String>) {
    names.sort();
    assert!(
        names.len() >= suite.min_cases,
        "{} too small: {}",
        suite.label,
        names.len()
    );
    let mut known = known_failures(&suite.dir);
    if let Ok(filter) = std::env::var(suite.filter_env) {
        names.retain(|n| n.contains(&filter));
        known.retain(|n, _| n.contains(&filter));
    }
    for (n, why) in &known {
        assert!(!why.is_empty(), "known failure {} has no reason", n);
    }

    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .max(2);
    let chunks: Vec<Vec<String>> = (0..threads)
        .map(|t| names.iter().skip(t).step_by(threads).cloned().collect())
        .collect();
    let results: Vec<(String, Result<(), String>)> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let dir = suite.dir.clone();
                let run = suite.run_case;
                s.spawn(move || {
                    chunk
                        .into_iter()
                        .map(|n| {
                            let r = run(&dir, &n);
                            (n, r)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("runner thread"))
            .collect()
    });

    let mut passed = 0;
    let mut unexpected = Vec::new();
    let mut stale = Vec::new();
    let mut known_failed = 0;
    for (name, r) in &results {
        match (r, known.contains_key(name)) {
            (Ok(()), false) => passed += 1,
            (Ok(()), true) => stale.push(name.clone()),
            (Err(_), true) => known_failed += 1,
            (Err(e), false) => unexpected.push(format!("{}: {}", name, e)),
        }
    }
    let missing: Vec<&String> = known.keys().filter(|k| !names.contains(k)).collect();
    if std::env::var(suite.list_env).is_ok() {
        for (name, r) in &results {
            if let Err(e) = r {
                println!("FAIL {} {}", name, e);
            }
        }
    }
    println!(
        "{}: {} cases, {} passed, {} known failures, {} unexpected failures, {} stale known failures",
        suite.label,
        names.len(),
        passed,
        known_failed,
        unexpected.len(),
        stale.len()
    );
    for u in &unexpected {
        println!("UNEXPECTED FAILURE {}", u);
    }
    for s in &stale {
        println!(
            "NOW PASSES (remove from {}/known-failures.txt): {}",
            suite.dir.display(),
            s
        );
    }
    assert!(
        missing.is_empty(),
        "known-failures.txt names missing cases: {:?}",
        missing
    );
    assert!(
        unexpected.is_empty() && stale.is_empty(),
        "{} mismatches",
        suite.label
    );
}

/// A `nix-instantiate` symlink to the `tangle` binary in a per-process
/// temporary directory (`tag` keeps test files apart). Tests run in
/// parallel, so another one may have made the link already.
pub fn nix_instantiate_link(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tangle-{}-{}", tag, std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let link = dir.join("nix-instantiate");
    match std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_tangle"), &link) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => panic!("symlink: {}", e),
    }
    link
}

//! The language corpus: every `tests/lang/eval-okay-*.nix` must print its
//! `.exp` file and every `eval-fail-*.nix` must fail with its `.err` file's
//! message, exactly as C++ Nix does (see tests/oracle/oracle.py for the
//! format). Cases Tangle does not pass yet are listed with a reason in
//! `tests/lang/known-failures.txt`; a listed case that starts passing fails
//! the run too, so the list stays true.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/lang")
        .canonicalize()
        .expect("tests/lang exists")
}

fn directives(text: &str) -> Vec<String> {
    let mut args = vec!["--strict".to_string()];
    for line in text.lines() {
        let line = line.trim();
        if !line.starts_with('#') {
            break;
        }
        let body = line[1..].trim();
        if let Some(rest) = body.strip_prefix("args:") {
            args = rest.split_whitespace().map(String::from).collect();
        }
    }
    args
}

fn error_paragraph(stderr: &str) -> String {
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

/// Run one case; Ok(()) if it matches, Err(description) otherwise.
fn run_case(dir: &Path, name: &str) -> Result<(), String> {
    let nix = dir.join(format!("{}.nix", name));
    let text = std::fs::read(&nix).map_err(|e| e.to_string())?;
    let args = directives(&String::from_utf8_lossy(&text));
    let mut child = Command::new(env!("CARGO_BIN_EXE_tangle"))
        .arg("eval")
        .args(&args)
        .arg(format!("{}.nix", name))
        .current_dir(dir)
        .env_remove("NIX_PATH")
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() > Duration::from_secs(30) => {
                let _ = child.kill();
                return Err("timed out after 30 s".into());
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => return Err(e.to_string()),
        }
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let d = dir.to_string_lossy().into_owned();
    let stdout = String::from_utf8_lossy(&out.stdout).replace(&d, "@DIR@");
    let stderr = String::from_utf8_lossy(&out.stderr).replace(&d, "@DIR@");
    if name.starts_with("eval-okay-") {
        let want = std::fs::read(dir.join(format!("{}.exp", name))).map_err(|e| e.to_string())?;
        let want = String::from_utf8_lossy(&want);
        if !out.status.success() {
            return Err(format!("failed: {}", stderr.lines().next().unwrap_or("")));
        }
        if stdout != want {
            return Err(format!(
                "printed {:?}, expected {:?}",
                trunc(&stdout),
                trunc(&want)
            ));
        }
    } else {
        let want = std::fs::read(dir.join(format!("{}.err", name))).map_err(|e| e.to_string())?;
        let want = String::from_utf8_lossy(&want);
        if out.status.success() {
            return Err(format!("succeeded with {:?}", trunc(&stdout)));
        }
        if out.status.code() != Some(1) {
            return Err(format!("exit status {:?}, expected 1", out.status.code()));
        }
        let got = error_paragraph(&stderr);
        if got != want {
            return Err(format!(
                "error {:?}, expected {:?}",
                trunc(&got),
                trunc(&want)
            ));
        }
    }
    Ok(())
}

fn trunc(s: &str) -> String {
    if s.len() > 300 {
        let mut end = 300;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}…", &s[..end])
    } else {
        s.to_string()
    }
}

fn known_failures(dir: &Path) -> BTreeMap<String, String> {
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

#[test]
fn language_corpus() {
    let dir = corpus_dir();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("read tests/lang")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.ends_with(".nix") && (n.starts_with("eval-okay-") || n.starts_with("eval-fail-"))
        })
        .map(|n| n.trim_end_matches(".nix").to_string())
        .collect();
    names.sort();
    assert!(names.len() >= 400, "corpus too small: {}", names.len());
    let mut known = known_failures(&dir);
    // `TANGLE_CORPUS_FILTER=regex` runs only the cases whose name contains
    // the text (for working on one area); the full run ignores it.
    if let Ok(filter) = std::env::var("TANGLE_CORPUS_FILTER") {
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
                let dir = dir.clone();
                s.spawn(move || {
                    chunk
                        .into_iter()
                        .map(|n| {
                            let r = run_case(&dir, &n);
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
    if std::env::var("TANGLE_CORPUS_LIST").is_ok() {
        for (name, r) in &results {
            if let Err(e) = r {
                println!("FAIL {} {}", name, e);
            }
        }
    }
    println!(
        "corpus: {} cases, {} passed, {} known failures, {} unexpected failures, {} stale known failures",
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
        println!("NOW PASSES (remove from known-failures.txt): {}", s);
    }
    assert!(
        missing.is_empty(),
        "known-failures.txt names missing cases: {:?}",
        missing
    );
    assert!(
        unexpected.is_empty() && stale.is_empty(),
        "corpus mismatches"
    );
}

//! The language corpus: every `tests/lang/eval-okay-*.nix` must print its
//! `.exp` file and every `eval-fail-*.nix` must fail with its `.err` file's
//! message, exactly as C++ Nix does (see tests/oracle/oracle.py for the
//! format). Cases Tangle does not pass yet are listed with a reason in
//! `tests/lang/known-failures.txt`; a listed case that starts passing fails
//! the run too, so the list stays true.

mod common;
use common::{error_paragraph, run_suite, trunc, Suite};
use std::path::{Path, PathBuf};
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

/// Run one case; Ok(()) if it matches, Err(description) otherwise.
fn run_case(dir: &Path, name: &str) -> Result<(), String> {
    run_case_with(dir, name, false)
}

/// Run one case with a garbage collection at (nearly) every safe point of
/// the VM: a value some continuation or frame holds without tracing it is
/// then freed while still in use, and the case fails or crashes. A case
/// whose header says `# gc-torture: skip REASON` (sources so big or deep
/// that a collection at every step takes minutes: each one traces all of
/// their code) runs without it.
fn run_case_gc_torture(dir: &Path, name: &str) -> Result<(), String> {
    let text = std::fs::read(dir.join(format!("{}.nix", name))).map_err(|e| e.to_string())?;
    let skip = String::from_utf8_lossy(&text)
        .lines()
        .take_while(|l| l.trim_start().starts_with('#'))
        .any(|l| {
            l.trim_start()[1..]
                .trim_start()
                .starts_with("gc-torture: skip")
        });
    run_case_with(dir, name, !skip)
}

fn run_case_with(dir: &Path, name: &str, gc_torture: bool) -> Result<(), String> {
    let nix = dir.join(format!("{}.nix", name));
    let text = std::fs::read(&nix).map_err(|e| e.to_string())?;
    let args = directives(&String::from_utf8_lossy(&text));
    let mut cmd = common::tangle_command(dir);
    if gc_torture {
        cmd.env("TANGLE_GC_TORTURE", "1");
    } else {
        cmd.env_remove("TANGLE_GC_TORTURE");
    }
    let mut child = cmd
        .arg("eval")
        .args(&args)
        .arg(format!("{}.nix", name))
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
                trunc(&stdout, 300),
                trunc(&want, 300)
            ));
        }
    } else {
        let want = std::fs::read(dir.join(format!("{}.err", name))).map_err(|e| e.to_string())?;
        let want = String::from_utf8_lossy(&want);
        if out.status.success() {
            return Err(format!("succeeded with {:?}", trunc(&stdout, 300)));
        }
        if out.status.code() != Some(1) {
            return Err(format!("exit status {:?}, expected 1", out.status.code()));
        }
        let got = error_paragraph(&stderr);
        if got != want {
            return Err(format!(
                "error {:?}, expected {:?}",
                trunc(&got, 300),
                trunc(&want, 300)
            ));
        }
    }
    Ok(())
}

fn case_names(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read tests/lang")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.ends_with(".nix") && (n.starts_with("eval-okay-") || n.starts_with("eval-fail-"))
        })
        .map(|n| n.trim_end_matches(".nix").to_string())
        .collect()
}

#[test]
fn language_corpus() {
    let dir = corpus_dir();
    let names = case_names(&dir);
    run_suite(
        &Suite {
            label: "corpus",
            dir,
            min_cases: 400,
            filter_env: "TANGLE_CORPUS_FILTER",
            list_env: "TANGLE_CORPUS_LIST",
            run_case,
        },
        names,
    );
}

/// The whole corpus again, collecting garbage at every safe point (see
/// `gc::Heap`'s torture mode): every root the collector must know of is
/// exercised by some case.
#[test]
fn language_corpus_gc_torture() {
    let dir = corpus_dir();
    let names = case_names(&dir);
    run_suite(
        &Suite {
            label: "corpus under GC torture",
            dir,
            min_cases: 400,
            filter_env: "TANGLE_CORPUS_FILTER",
            list_env: "TANGLE_CORPUS_LIST",
            run_case: run_case_gc_torture,
        },
        names,
    );
}

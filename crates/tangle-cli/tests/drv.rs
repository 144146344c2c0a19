//! The derivation corpus: every case in `tests/drv/` run through the
//! `tangle` binary and compared with what C++ Nix wrote (see
//! tests/oracle/drv_oracle.py for the format):
//!
//! - `inst-okay-*`: `tangle instantiate --drv-dir DIR` prints the `.exp`
//!   file, and DIR ends up holding exactly the store objects of the
//!   `.drvs` manifest (every `.drv` and `toFile` text), byte for byte;
//! - `inst-fail-*`: `tangle instantiate` fails with the `.err` message;
//! - `eval-okay-*` / `eval-fail-*`: `tangle eval` (default `--strict`)
//!   prints the `.exp` file / fails with the `.err` message.
//!
//! Cases Tangle does not pass yet are listed with a reason in
//! `tests/drv/known-failures.txt`; a listed case that passes fails the run
//! too, so the list stays true. `TANGLE_DRV_FILTER=text` runs only the
//! cases whose name contains the text; `TANGLE_DRV_LIST=1` prints every
//! failure.

mod common;
use common::{error_paragraph, error_paragraph_bytes, run_suite, trunc, Suite};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/drv")
        .canonicalize()
        .expect("tests/drv exists")
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    InstOkay,
    InstFail,
    EvalOkay,
    EvalFail,
}

fn kind(name: &str) -> Option<Kind> {
    [
        ("inst-okay-", Kind::InstOkay),
        ("inst-fail-", Kind::InstFail),
        ("eval-okay-", Kind::EvalOkay),
        ("eval-fail-", Kind::EvalFail),
    ]
    .into_iter()
    .find(|(p, _)| name.starts_with(p))
    .map(|(_, k)| k)
}

/// The `# args:` directive, if any.
fn directive_args(text: &str) -> Option<Vec<String>> {
    let mut args = None;
    for line in text.lines() {
        let line = line.trim();
        if !line.starts_with('#') {
            break;
        }
        if let Some(rest) = line[1..].trim().strip_prefix("args:") {
            args = Some(rest.split_whitespace().map(String::from).collect());
        }
    }
    args
}

/// A `.drvs` manifest: `BASENAME LENGTH\n` then LENGTH bytes and `\n`.
fn read_manifest(data: &[u8]) -> Result<BTreeMap<String, Vec<u8>>, String> {
    let mut out = BTreeMap::new();
    let mut pos = 0;
    while pos < data.len() {
        let nl = data
            .get(pos..)
            .unwrap_or_default()
            .iter()
            .position(|&c| c == b'\n')
            .map(|i| pos + i)
            .ok_or("manifest: header without newline")?;
        let header = String::from_utf8_lossy(&data[pos..nl]).into_owned();
        let (name, len) = header
            .rsplit_once(' ')
            .ok_or_else(|| format!("manifest: bad header {:?}", header))?;
        let len: usize = len
            .parse()
            .map_err(|_| format!("manifest: bad length in {:?}", header))?;
        let start = nl + 1;
        let end = start + len;
        if data.get(end) != Some(&b'\n') {
            return Err(format!(
                "manifest: entry {} is not followed by a newline",
                name
            ));
        }
        let body = data
            .get(start..end)
            .ok_or_else(|| format!("manifest: entry {} is cut short", name))?;
        out.insert(name.to_string(), body.to_vec());
        pos = end + 1;
    }
    Ok(out)
}

struct Output {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    /// Byte for byte (messages need not be UTF-8), with `@DIR@`.
    stderr_bytes: Vec<u8>,
}

/// `haystack` with every `from` replaced by `to`.
fn replace_bytes(haystack: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(haystack.len());
    let mut i = 0;
    while i < haystack.len() {
        if !from.is_empty() && haystack[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(haystack[i]);
            i += 1;
        }
    }
    out
}

fn run_tangle(dir: &Path, args: &[String]) -> Result<Output, String> {
    let mut child = common::tangle_command(dir)
        .args(args)
        .spawn()
        .map_err(|e| e.to_string())?;
    // Read the pipes on their own threads so a large output cannot block
    // the child while we wait for it.
    let mut so = child.stdout.take().ok_or("no stdout")?;
    let mut se = child.stderr.take().ok_or("no stderr")?;
    let so = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut so, &mut v);
        v
    });
    let se = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut se, &mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if start.elapsed() > Duration::from_secs(60) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err("timed out after 60 s".into());
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => return Err(e.to_string()),
        }
    };
    let stdout = so.join().map_err(|_| "stdout reader panicked")?;
    let stderr = se.join().map_err(|_| "stderr reader panicked")?;
    let d = dir.to_string_lossy().into_owned();
    Ok(Output {
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout).replace(&d, "@DIR@"),
        stderr: String::from_utf8_lossy(&stderr).replace(&d, "@DIR@"),
        stderr_bytes: replace_bytes(&stderr, d.as_bytes(), b"@DIR@"),
    })
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| format!("{}: {}", path.display(), e))
}

/// A scratch directory for one case's written files, removed on drop.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Run one case; Ok(()) if it matches, Err(description) otherwise.
fn run_case(dir: &Path, name: &str) -> Result<(), String> {
    let k = kind(name).ok_or("not a case name")?;
    let text = read_text(&dir.join(format!("{}.nix", name)))?;
    let extra = directive_args(&text);
    let file = format!("{}.nix", name);
    let scratch =
        Scratch(std::env::temp_dir().join(format!("tangle-drv-{}-{}", std::process::id(), name)));
    let _ = std::fs::remove_dir_all(&scratch.0);
    let mut args: Vec<String> = Vec::new();
    match k {
        Kind::InstOkay => {
            args.extend(["instantiate".into(), "--drv-dir".into()]);
            args.push(scratch.0.to_string_lossy().into_owned());
            args.extend(extra.unwrap_or_default());
        }
        Kind::InstFail => {
            args.push("instantiate".into());
            args.extend(extra.unwrap_or_default());
        }
        Kind::EvalOkay | Kind::EvalFail => {
            args.push("eval".into());
            args.extend(extra.unwrap_or_else(|| vec!["--strict".into()]));
        }
    }
    args.push(file);
    let out = run_tangle(dir, &args)?;
    match k {
        Kind::InstOkay | Kind::EvalOkay => {
            if out.code != Some(0) {
                return Err(format!(
                    "failed: {}",
                    trunc(error_paragraph(&out.stderr).trim_end(), 400)
                ));
            }
            let want = read_text(&dir.join(format!("{}.exp", name)))?;
            if out.stdout != want {
                return Err(format!(
                    "printed {:?}, expected {:?}",
                    trunc(&out.stdout, 400),
                    trunc(&want, 400)
                ));
            }
            if k == Kind::InstOkay {
                compare_store_objects(dir, name, &scratch.0)?;
            }
        }
        Kind::InstFail | Kind::EvalFail => {
            if out.code == Some(0) {
                return Err(format!("succeeded with {:?}", trunc(&out.stdout, 400)));
            }
            if out.code != Some(1) {
                return Err(format!("exit status {:?}, expected 1", out.code));
            }
            // Compared byte for byte: Nix's message need not be UTF-8.
            let path = dir.join(format!("{}.err", name));
            let want = std::fs::read(&path).map_err(|e| format!("{}: {}", path.display(), e))?;
            let got = error_paragraph_bytes(&out.stderr_bytes);
            if got != want {
                return Err(format!(
                    "error {:?}, expected {:?}",
                    trunc(&got.escape_ascii().to_string(), 400),
                    trunc(&want.escape_ascii().to_string(), 400)
                ));
            }
        }
    }
    Ok(())
}

fn compare_store_objects(dir: &Path, name: &str, written: &Path) -> Result<(), String> {
    let manifest = std::fs::read(dir.join(format!("{}.drvs", name)))
        .map_err(|e| format!("{}.drvs: {}", name, e))?;
    let want = read_manifest(&manifest)?;
    let mut got = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(written) {
        for e in entries.filter_map(|e| e.ok()) {
            let base = e.file_name().to_string_lossy().into_owned();
            let bytes = std::fs::read(e.path()).map_err(|e| e.to_string())?;
            got.insert(base, bytes);
        }
    }
    let mut problems = Vec::new();
    for (base, bytes) in &want {
        match got.get(base) {
            None => problems.push(format!("not written: {}", base)),
            Some(b) if b != bytes => problems.push(format!(
                "{} differs: wrote {:?}, expected {:?}",
                base,
                trunc(&String::from_utf8_lossy(b), 400),
                trunc(&String::from_utf8_lossy(bytes), 400)
            )),
            Some(_) => {}
        }
    }
    for base in got.keys().filter(|b| !want.contains_key(*b)) {
        let text = String::from_utf8_lossy(&got[base]).into_owned();
        problems.push(format!("unexpected: {} {:?}", base, trunc(&text, 400)));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

#[test]
fn derivation_corpus() {
    let dir = corpus_dir();
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("read tests/drv")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".nix") && kind(n).is_some())
        .map(|n| n.trim_end_matches(".nix").to_string())
        .collect();
    run_suite(
        &Suite {
            label: "drv corpus",
            dir,
            min_cases: 80,
            filter_env: "TANGLE_DRV_FILTER",
            list_env: "TANGLE_DRV_LIST",
            run_case,
        },
        names,
    );
}

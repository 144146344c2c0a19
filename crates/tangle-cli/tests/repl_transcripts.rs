//! The REPL transcripts: each `tests/repl/NAME.in` piped into `tangle
//! repl` (standard input not a terminal: no prompt, no line editor), run
//! in `tests/repl`, gives `NAME.out` exactly (standard error merged into
//! standard output, that directory written `@DIR@`). The expected outputs
//! were checked against current `nix repl` (2.34.8) by
//! `tests/repl/oracle.py check`; `tests/repl/differs.txt` lists the inputs
//! where Tangle deliberately differs, and why.

use std::path::PathBuf;
use std::process::{Command, Stdio};

fn repl_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/repl")
}

/// Run one transcript, standard error merged into standard output (both
/// go to one pipe, in the order they are written).
fn run(name: &str) -> String {
    let dir = repl_dir().canonicalize().expect("tests/repl exists");
    let input = std::fs::File::open(dir.join(format!("{name}.in"))).expect("transcript");
    let (reader, writer) = std::io::pipe().expect("pipe");
    let writer2 = writer.try_clone().expect("pipe clone");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tangle"))
        .arg("repl")
        .current_dir(&dir)
        .env_remove("NIX_PATH")
        .env("NO_COLOR", "1")
        .stdin(Stdio::from(input))
        .stdout(writer)
        .stderr(writer2)
        .spawn()
        .expect("tangle runs");
    let mut out = String::new();
    let mut reader = reader;
    std::io::Read::read_to_string(&mut reader, &mut out).expect("output");
    let status = child.wait().expect("tangle exits");
    assert!(status.success(), "{name}: exit status {status}");
    out.replace(dir.to_str().expect("UTF-8 path"), "@DIR@")
}

fn check(name: &str) {
    let want =
        std::fs::read_to_string(repl_dir().join(format!("{name}.out"))).expect("expected output");
    let got = run(name);
    if got != want {
        let first = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(got.lines().count().min(want.lines().count()));
        panic!(
            "{name}: output differs from {name}.out at line {}\n--- got ---\n{got}\n--- want ---\n{want}",
            first + 1
        );
    }
}

#[test]
fn printing() {
    check("printing");
}

#[test]
fn bindings() {
    check("bindings");
}

#[test]
fn multiline() {
    check("multiline");
}

#[test]
fn commands() {
    check("commands");
}

#[test]
fn load() {
    check("load");
}

#[test]
fn errors() {
    check("errors");
}

/// Every transcript has a test above.
#[test]
fn every_transcript_is_run() {
    let listed = [
        "printing",
        "bindings",
        "multiline",
        "commands",
        "load",
        "errors",
    ];
    for e in std::fs::read_dir(repl_dir()).expect("tests/repl") {
        let name = e.expect("entry").file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".in") {
            assert!(listed.contains(&stem), "{name} has no test");
        }
    }
}

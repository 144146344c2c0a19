//! The complete error output, source excerpt included, for the cases in
//! `tests/excerpt`: each `NAME.nix` (a file) or `NAME.expr` (passed with
//! `-E`) must fail with exactly the output in `NAME.stderr`, which comes
//! from C++ Nix 2.8 (`tests/oracle/excerpt.py gen`). The cases are about
//! how the lines around a position are shown: the line before and after,
//! line numbers of one to three digits, blank and whitespace-only lines,
//! tabs, carriage returns, and files whose last line has no line break.
//! (Nix expands tabs to stops counted over the whole message, file name
//! included, so a case with tabs is an `.expr`: its name, `«string»`, is
//! the same wherever the repository is.)

mod common;
use std::path::{Path, PathBuf};

fn excerpt_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/excerpt")
        .canonicalize()
        .expect("tests/excerpt exists")
}

#[test]
fn error_output_matches_nix_byte_for_byte() {
    let dir = excerpt_dir();
    let mut cases: Vec<String> = std::fs::read_dir(&dir)
        .expect("read tests/excerpt")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".nix") || n.ends_with(".expr"))
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 10,
        "expected the excerpt cases, found {cases:?}"
    );
    let d = dir.to_string_lossy().into_owned();
    let mut failures = Vec::new();
    for case in &cases {
        let mut cmd = common::tangle_command(&dir);
        cmd.arg("eval").arg("--strict");
        match case.strip_suffix(".expr") {
            Some(_) => {
                let text = std::fs::read_to_string(dir.join(case)).expect("read case");
                cmd.arg("-E").arg(text);
            }
            None => {
                cmd.arg(dir.join(case));
            }
        }
        let out = cmd.output().expect("run tangle");
        let got = String::from_utf8_lossy(&out.stderr).replace(&d, "@DIR@");
        let stem = case.rsplit_once('.').map_or(case.as_str(), |(s, _)| s);
        let want = std::fs::read_to_string(dir.join(format!("{stem}.stderr")))
            .expect("expected output exists");
        if out.status.success() {
            failures.push(format!("{case}: succeeded"));
        } else if got != want {
            failures.push(format!("{case}:\n--- got\n{got}--- want\n{want}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

//! `--eval-stats` / `NIX_SHOW_STATS=1`: the counters Tangle shares with
//! C++ Nix must agree with it on a program where both do the same work.
//! Expected numbers are what `NIX_SHOW_STATS=1 NIX_COUNT_CALLS=1
//! nix-instantiate --eval --strict -E EXPR` (2.8) prints for the same EXPR.

use std::process::Command;

const EXPR: &str = "let f = x: x + 1; in builtins.map f [1 2] ++ [ ({a=1;} // {b=2;}).a ]";

fn stats(args: &[&str], env: &[(&str, &str)]) -> (String, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tangle"));
    c.args(args)
        .env_remove("NIX_SHOW_STATS")
        .env_remove("NIX_COUNT_CALLS");
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().expect("runs tangle");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn field(json: &str, name: &str) -> u64 {
    let key = format!("\"{}\": ", name);
    let at = json
        .find(&key)
        .unwrap_or_else(|| panic!("no {} in {}", name, json))
        + key.len();
    json[at..]
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{} is not a number in {}", name, json))
}

#[test]
fn counters_agree_with_nix() {
    let (out, err) = stats(&["eval", "--strict", "--eval-stats", "-E", EXPR], &[]);
    assert_eq!(out, "[ 2 3 1 ]\n");
    assert_eq!(field(&err, "nrFunctionCalls"), 2);
    assert_eq!(field(&err, "nrPrimOpCalls"), 1);
    assert_eq!(field(&err, "nrLookups"), 2);
    assert_eq!(field(&err, "nrOpUpdates"), 1);
    assert_eq!(field(&err, "nrOpUpdateValuesCopied"), 2);
    assert_eq!(field(&err, "concats"), 1);
    // Not asked for: no counts by name.
    assert!(!err.contains("\"primops\""), "{}", err);
}

#[test]
fn nix_show_stats_and_count_calls_turn_it_on() {
    let (_, err) = stats(
        &["eval", "--strict", "-E", EXPR],
        &[("NIX_SHOW_STATS", "1"), ("NIX_COUNT_CALLS", "1")],
    );
    assert_eq!(field(&err, "map"), 1);
    let (_, quiet) = stats(&["eval", "--strict", "-E", EXPR], &[]);
    assert_eq!(quiet, "");
}

#[test]
fn collections_are_counted() {
    // A loop making cyclic garbage: the collector must run and free it.
    let (out, err) = stats(
        &[
            "eval",
            "--strict",
            "--eval-stats",
            "-E",
            "builtins.foldl' (acc: i: acc + (let x = { a = x; n = i; }; in x.n)) 0 (builtins.genList (i: i) 300000)",
        ],
        &[],
    );
    assert_eq!(out, "44999850000\n");
    assert!(field(&err, "collections") >= 1, "{}", err);
    assert!(field(&err, "objectsFreed") >= 300000, "{}", err);
}

//! Stacklessness: recursion far deeper than C++ Nix survives (2.8 dies with
//! "stack overflow" near 73 000 levels), and runaway recursion ends in a
//! clean error. The expected values are arithmetic facts (C++ Nix cannot
//! produce them: it crashes first).

use std::process::Command;

fn tangle(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tangle"))
        .arg("eval")
        .args(args)
        .output()
        .expect("run tangle");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn eval_ok(expr: &str) -> String {
    let (code, out, err) = tangle(&["--strict", "-E", expr]);
    assert_eq!(code, 0, "{} failed: {}", expr, err);
    out
}

#[test]
fn non_tail_recursion_one_million_deep() {
    assert_eq!(
        eval_ok("let f = n: if n == 0 then 0 else 1 + f (n - 1); in f 1000000"),
        "1000000\n"
    );
}

#[test]
fn foldl_strict_over_one_million_elements() {
    assert_eq!(
        eval_ok("builtins.foldl' (a: b: a + b) 0 (builtins.genList (i: i) 1000000)"),
        "499999500000\n"
    );
}

#[test]
fn million_deep_chain_of_lazy_thunks() {
    // `acc + 1` is never forced until the end: a chain of a million thunks.
    assert_eq!(
        eval_ok("let f = n: acc: if n == 0 then acc else f (n - 1) (acc + 1); in f 1000000 0"),
        "1000000\n"
    );
}

#[test]
fn equality_on_a_list_nested_100000_deep() {
    let mk = "let mk = n: if n == 0 then [ ] else [ (mk (n - 1)) ]; in";
    assert_eq!(eval_ok(&format!("{} mk 100000 == mk 100000", mk)), "true\n");
    assert_eq!(eval_ok(&format!("{} mk 100000 == mk 99999", mk)), "false\n");
}

#[test]
fn strict_printing_of_a_deeply_nested_value() {
    let out = eval_ok("let mk = n: if n == 0 then [ ] else [ (mk (n - 1)) ]; in mk 100000");
    assert_eq!(out.len(), 100000 * 4 + 4);
    assert!(out.starts_with("[ [ [ "));
}

#[test]
fn deep_seq_and_to_string_of_deep_values() {
    assert_eq!(
        eval_ok("let mk = n: if n == 0 then [ ] else [ (mk (n - 1)) ]; in builtins.deepSeq (mk 100000) 1"),
        "1\n"
    );
}

#[test]
fn max_call_depth_gives_a_clean_error() {
    let (code, out, err) = tangle(&[
        "--max-call-depth",
        "1000",
        "-E",
        "let f = n: if n == 0 then 0 else 1 + f (n - 1); in f 100000",
    ]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert!(
        err.starts_with("error: stack overflow; max-call-depth exceeded"),
        "{}",
        err
    );
}

#[test]
fn endless_tail_recursion_ends_in_the_depth_error() {
    let (code, _, err) = tangle(&["--max-call-depth", "100000", "-E", "let f = x: f x; in f 1"]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("error: stack overflow; max-call-depth exceeded"),
        "{}",
        err
    );
}

#[test]
fn infinite_recursion_has_a_location() {
    let (code, _, err) = tangle(&["-E", "let x = x; in x"]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("error: infinite recursion encountered"),
        "{}",
        err
    );
    assert!(err.contains("at «string»:1:"), "{}", err);
}

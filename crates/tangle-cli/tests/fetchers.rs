//! The fetchers are bound, as in Nix, but Tangle downloads nothing: calling
//! one is an error that says so (the language corpus cannot hold this case,
//! since C++ Nix would try the download). Referring to them without calling
//! them is covered by `tests/lang/eval-okay-globals-fetchers-unused`.

mod common;

/// `tangle eval --strict -E EXPR`: exit code, stdout, stderr.
fn tangle_eval(expr: &str) -> (i32, String, String) {
    common::tangle_eval(&["--strict", "-E", expr])
}

#[test]
fn calling_a_fetcher_says_fetchers_are_not_supported() {
    for (call, name) in [
        (
            r#"fetchTarball "https://example.invalid/a.tar.gz""#,
            "fetchTarball",
        ),
        (
            r#"fetchGit { url = "https://example.invalid/a"; }"#,
            "fetchGit",
        ),
        (
            r#"fetchMercurial "https://example.invalid/a""#,
            "fetchMercurial",
        ),
        (r#"__fetchurl "https://example.invalid/a""#, "fetchurl"),
        (
            r#"builtins.fetchurl { url = "https://example.invalid/a"; }"#,
            "fetchurl",
        ),
    ] {
        let (code, out, err) = tangle_eval(call);
        assert_eq!(code, 1, "{call}: {err}");
        assert_eq!(out, "");
        let first = err.lines().next().unwrap_or("");
        assert_eq!(
            first,
            format!(
                "error: 'builtins.{name}' cannot be called: fetchers are not supported by Tangle (it evaluates without network access or a store to download into)"
            ),
            "{call}"
        );
    }
}

#[test]
fn a_fetcher_call_is_not_caught_by_try_eval() {
    // Nix's download failures are not `throw`s either.
    let (code, _, err) = tangle_eval(r#"builtins.tryEval (fetchTarball "x")"#);
    assert_eq!(code, 1);
    assert!(err.contains("fetchers are not supported"), "{err}");
}

#[test]
fn a_fetcher_argument_is_forced_first() {
    let (code, _, err) = tangle_eval(r#"fetchTarball (throw "the argument")"#);
    assert_eq!(code, 1);
    assert!(err.starts_with("error: the argument"), "{err}");
}

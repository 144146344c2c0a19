//! What builtins print on standard error (`trace`, `warn`, `traceVerbose`,
//! search path warnings) and the trace entries `addErrorContext` adds, which
//! the language corpus cannot see (it compares standard output and the first
//! paragraph of an error). `trace`, `addErrorContext` and search path
//! outputs were taken from C++ Nix 2.8; `warn` and `traceVerbose` are newer
//! than 2.8 and follow the Nix manual and current Nix's message format.

mod common;

use common::tangle_eval as tangle;
use std::process::Command;

#[test]
fn trace_prints_values_like_nix() {
    let (code, out, err) = tangle(&[
        "--strict",
        "-E",
        r#"builtins.trace "text" (builtins.trace [ 1 "a" { b = 2; } ] (builtins.trace (x: x) 3))"#,
    ]);
    assert_eq!(code, 0);
    assert_eq!(out, "3\n");
    assert_eq!(
        err,
        "trace: text\ntrace: [ 1 \"a\" <CODE> ]\ntrace: <LAMBDA>\n"
    );
}

#[test]
fn trace_quotes_keyword_attribute_names() {
    // As current Nix (2.26) prints it; 2.8 quoted only `if`.
    let (code, out, err) = tangle(&[
        "--strict",
        "-E",
        r#"builtins.trace { "in" = 1; "if" = 2; or = 3; "a b" = 4; } 5"#,
    ]);
    assert_eq!(code, 0);
    assert_eq!(out, "5\n");
    assert_eq!(
        err,
        "trace: { \"a b\" = 4; \"if\" = 2; \"in\" = 1; or = 3; }\n"
    );
}

#[test]
fn sort_calls_the_comparator_in_nix_order() {
    // Recorded from C++ Nix 2.8.
    let (code, out, err) = tangle(&[
        "--strict",
        "-E",
        r#"builtins.sort (a: b: builtins.trace "${toString a} ${toString b}" (a < b)) [ 5 3 9 1 7 2 8 ]"#,
    ]);
    assert_eq!(code, 0);
    assert_eq!(out, "[ 1 2 3 5 7 8 9 ]\n");
    let want = [
        "3 5", "9 3", "9 5", "1 3", "2 7", "8 2", "8 7", "8 9", "8 5", "7 5", "2 5", "2 3", "2 1",
    ];
    let got: Vec<&str> = err
        .lines()
        .map(|l| l.trim_start_matches("trace: "))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn warn_prints_and_returns() {
    let (code, out, err) = tangle(&["--strict", "-E", r#"builtins.warn "careful" 1"#]);
    assert_eq!((code, out.as_str()), (0, "1\n"));
    // Current Nix gives the warning the call's position, indented under the
    // message like an error's.
    assert_eq!(
        err,
        "evaluation warning: careful\n\
         \x20                   at «string»:1:1:\n\
         \x20                        1| builtins.warn \"careful\" 1\n\
         \x20                         | ^\n"
    );
}

#[test]
fn warn_shows_the_lines_around_its_call() {
    let dir = std::env::temp_dir().join(format!("tangle-warn-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("warn.nix");
    std::fs::write(
        &file,
        "let\n  x = 1;\nin\n  builtins.warn \"two\\nlines \" x\n",
    )
    .expect("write case");
    let (code, out, err) = tangle(&["--strict", file.to_str().expect("utf-8 path")]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!((code, out.as_str()), (0, "1\n"));
    let want = format!(
        "evaluation warning: two\n\
         \x20                   lines\n\
         \x20                   at {}:4:3:\n\
         \x20                        3| in\n\
         \x20                        4|   builtins.warn \"two\\nlines \" x\n\
         \x20                         |   ^\n\
         \x20                        5|\n",
        file.display()
    );
    assert_eq!(err, want);
}

#[test]
fn abort_on_warn_prints_the_warning_then_fails() {
    let (code, out, err) = tangle(&[
        "--strict",
        "--abort-on-warn",
        "-E",
        r#"builtins.warn "careful" 1"#,
    ]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.starts_with("evaluation warning: careful\n                    at «string»:1:1:")
            && err.contains(
                "\nerror: aborting to reveal stack trace of warning, as abort-on-warn is set\n"
            ),
        "{}",
        err
    );
}

#[test]
fn trace_verbose_prints_only_with_the_flag() {
    let expr = r#"builtins.traceVerbose "verbose" 1"#;
    let (code, out, err) = tangle(&["--strict", "-E", expr]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "1\n", ""));
    let (code, out, err) = tangle(&["--strict", "--trace-verbose", "-E", expr]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "1\n", "trace: verbose\n")
    );
}

#[test]
fn add_error_context_shows_with_show_trace() {
    let expr = r#"builtins.addErrorContext "outer" (builtins.addErrorContext "inner ${toString 1}" (throw "boom"))"#;
    let (code, _, err) = tangle(&["--strict", "--show-trace", "-E", expr]);
    assert_eq!(code, 1);
    assert!(err.starts_with("error: boom\n"), "{}", err);
    let inner = err.find("\n\n       … inner 1\n").expect("inner context");
    let outer = err.find("\n\n       … outer\n").expect("outer context");
    assert!(inner < outer, "{}", err);
    // Without --show-trace Nix points to the flag instead.
    let (_, _, err) = tangle(&["--strict", "-E", expr]);
    assert!(
        err.starts_with(
            "error: boom\n(use '--show-trace' to show detailed location information)\n"
        ),
        "{}",
        err
    );
    assert!(!err.contains("… inner"), "{}", err);
}

#[test]
fn help_lists_the_flags() {
    let (code, out, _) = tangle(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("--abort-on-warn"), "{}", out);
    assert!(out.contains("--trace-verbose"), "{}", out);
}

#[test]
fn nix_instantiate_spelling_of_the_settings() {
    let link = common::nix_instantiate_link("bl");
    let run = |args: &[&str]| {
        let out = Command::new(&link).args(args).output().expect("run");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let warn = ["-E", r#"builtins.warn "w" 1"#];
    let (code, _) = run(&[&["--eval", "--option", "abort-on-warn", "true"], &warn[..]].concat());
    assert_eq!(code, 1);
    let (code, _) = run(&[&["--eval", "--option", "abort-on-warn", "false"], &warn[..]].concat());
    assert_eq!(code, 0);
    let (code, _) = run(&[&["--eval", "--abort-on-warn"], &warn[..]].concat());
    assert_eq!(code, 1);
    let (code, err) = run(&[
        "--eval",
        "--option",
        "trace-verbose",
        "true",
        "-E",
        r#"builtins.traceVerbose "v" 1"#,
    ]);
    assert_eq!((code, err.as_str()), (0, "trace: v\n"));
}

#[test]
fn search_path_warnings_come_once_per_entry() {
    // Recorded from C++ Nix 2.8: each entry text is looked at once per
    // evaluation, whatever its prefix and however many lookups reach it.
    let expr = r#"map (n: (builtins.tryEval (builtins.findFile builtins.nixPath n)).success) [ "foo" "foo/y" "bar" "baz" ]"#;
    let (code, out, err) = tangle(&[
        "--strict",
        "-I",
        "foo=/nonexistent/a",
        "-I",
        "bar=ssh://host/x",
        "-I",
        "/nonexistent/a",
        "-E",
        expr,
    ]);
    assert_eq!((code, out.as_str()), (0, "[ false false false false ]\n"));
    assert_eq!(
        err,
        "warning: Nix search path entry '/nonexistent/a' does not exist, ignoring\n\
         warning: Nix search path entry 'ssh://host/x' cannot be downloaded, ignoring\n"
    );
}

//! Nix's settings on the command line (`--option NAME VALUE`, the flags
//! Nix makes of settings, experimental features, lints): what they print
//! on standard error, which the language corpus does not compare. Every
//! expected text was taken from Nix 2.34.8 (`tests/oracle/current_nix.py
//! run --eval ...` with the same arguments).

mod common;

use common::tangle_eval as tangle;
use std::process::Command;

#[test]
fn lint_warnings_name_each_literal_where_it_is() {
    let (code, out, err) = tangle(&[
        "--lint-url-literals",
        "warn",
        "--lint-short-path-literals",
        "warn",
        "--lint-absolute-path-literals",
        "warn",
        "-E",
        "[ http://foo a/b /x/y ~/z ./q ]",
    ]);
    assert_eq!(code, 0, "{}", err);
    assert!(out.starts_with("[ \"http://foo\" /"));
    assert_eq!(
        err,
        r#"warning: URL literals are discouraged. Consider using a string literal "http://foo" instead (lint-url-literals)
         at «string»:1:3:
              1| [ http://foo a/b /x/y ~/z ./q ]
               |   ^
warning: relative path literal 'a/b' should be prefixed with '.' for clarity: './a/b' (lint-short-path-literals)
         at «string»:1:14:
              1| [ http://foo a/b /x/y ~/z ./q ]
               |              ^
warning: absolute path literals are not portable. Consider replacing path literal '/x/y' by a string, relative path, or parameter (lint-absolute-path-literals)
         at «string»:1:18:
              1| [ http://foo a/b /x/y ~/z ./q ]
               |                  ^
warning: home path literals are not portable. Consider replacing path literal '~/z' by a string, relative path, or parameter (lint-absolute-path-literals)
         at «string»:1:23:
              1| [ http://foo a/b /x/y ~/z ./q ]
               |                       ^
"#
    );
}

#[test]
fn a_deprecated_setting_says_what_replaces_it() {
    let (code, _, err) = tangle(&["--option", "warn-short-path-literals", "true", "-E", "a/b"]);
    assert_eq!(code, 0);
    assert_eq!(
        err,
        "warning: 'warn-short-path-literals' is deprecated, use 'lint-short-path-literals = warn' instead
warning: relative path literal 'a/b' should be prefixed with '.' for clarity: './a/b' (lint-short-path-literals)
         at «string»:1:1:
              1| a/b
               | ^
"
    );
}

#[test]
fn unknown_and_bad_settings_are_warnings_with_option() {
    let (code, out, err) = tangle(&[
        "--option",
        "foo",
        "bar",
        "--option",
        "extra-foo",
        "bar",
        "--option",
        "show-trace",
        "maybe",
        "--option",
        "max-call-depth",
        "x",
        "--option",
        "lint-url-literals",
        "Warn",
        "--extra-experimental-features",
        "bogus no-url-literals",
        "-E",
        "1",
    ]);
    assert_eq!((code, out.as_str()), (0, "1\n"));
    assert_eq!(
        err,
        "warning: Boolean setting 'show-trace' has invalid value 'maybe'
warning: setting 'max-call-depth' has invalid value 'x'
warning: option 'lint-url-literals' has invalid value 'Warn' (expected 'ignore', 'warn', or 'fatal')
warning: unknown experimental feature 'bogus'
warning: experimental feature 'no-url-literals' has been stabilized and renamed; use 'lint-url-literals = fatal' setting instead
warning: unknown setting 'extra-foo'
warning: unknown setting 'foo'
"
    );
}

fn nix_instantiate(args: &[&str]) -> (i32, String, String) {
    let link = common::nix_instantiate_link("settings");
    let out = Command::new(&link).args(args).output().expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bad_setting_flags_are_usage_errors() {
    for (args, message) in [
        (
            &["--eval", "--lint-url-literals", "bogus", "-E", "1"][..],
            "option 'lint-url-literals' has invalid value 'bogus' (expected 'ignore', 'warn', or 'fatal')",
        ),
        (
            &["--eval", "--max-call-depth", "x", "-E", "1"][..],
            "setting 'max-call-depth' has invalid value 'x'",
        ),
        (
            &["--eval", "-E", "1", "--option", "foo"][..],
            "flag '--option' requires 2 argument(s), but only 1 were given",
        ),
    ] {
        let (code, out, err) = nix_instantiate(args);
        assert_eq!((code, out.as_str()), (1, ""));
        assert_eq!(
            err,
            format!(
                "error: {}\nTry 'nix-instantiate --help' for more information.\n",
                message
            )
        );
    }
}

#[test]
fn settings_flags_and_option_are_accepted_in_both_spellings() {
    for args in [
        &[
            "--eval",
            "--impure",
            "--no-show-trace",
            "--pure-eval",
            "--no-pure-eval",
            "-E",
            "1",
        ][..],
        &[
            "--eval",
            "--show-trace",
            "--option",
            "show-trace",
            "false",
            "-E",
            "1",
        ][..],
        &[
            "--eval",
            "--extra-experimental-features",
            "pipe-operators",
            "-E",
            "0 |> (x: x + 1)",
        ][..],
    ] {
        let (code, out, err) = nix_instantiate(args);
        assert_eq!((code, err.as_str()), (0, ""), "{:?}", args);
        assert_eq!(out, "1\n", "{:?}", args);
    }
    let (code, out, _) = tangle(&["--nix-path", "a=/tmp", "-E", "builtins.nixPath"]);
    assert_eq!(
        (code, out.as_str()),
        (0, "[ { path = \"/tmp\"; prefix = \"a\"; } ]\n")
    );
}

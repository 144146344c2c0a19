//! The binary invoked under the name `nix-instantiate` accepts that tool's
//! flags. Expected outputs and exit statuses were taken from C++ Nix 2.8
//! (`nix-instantiate` from Debian's nix-bin) with the same arguments.

mod common;

use std::process::Command;

fn nix_instantiate(args: &[&str]) -> (i32, String) {
    let link = common::nix_instantiate_link("ni");
    let out = Command::new(&link).args(args).output().expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn eval_with_flags_scripts_pass() {
    let (code, out) = nix_instantiate(&[
        "--eval",
        "--strict",
        "--read-write-mode",
        "--timeout",
        "5",
        "--option",
        "cores",
        "1",
        "-E",
        "{ a = [ 1 (2 + 3) ]; }",
    ]);
    assert_eq!(code, 0);
    assert_eq!(out, "{ a = [ 1 5 ]; }\n");
}

#[test]
fn parse_reports_syntax_errors_in_its_exit_status() {
    assert_eq!(nix_instantiate(&["--parse", "-E", "1 +"]).0, 1);
    assert_eq!(nix_instantiate(&["--parse", "-E", "1 + 2"]).0, 0);
}

#[test]
fn xml_without_locations() {
    let (code, out) = nix_instantiate(&["--eval", "--xml", "--no-location", "-E", "{ a = 1; }"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "<?xml version='1.0' encoding='utf-8'?>\n<expr>\n  <attrs>\n    <attr name=\"a\">\n      <int value=\"1\" />\n    </attr>\n  </attrs>\n</expr>\n"
    );
}

#[test]
fn errors_exit_with_status_one() {
    assert_eq!(
        nix_instantiate(&["--eval", "-E", "throw \"x\""]),
        (1, String::new())
    );
}

#[test]
fn parse_prints_the_expression_back() {
    // Output of nix-instantiate 2.8 --parse for the same expression.
    let (code, out) = nix_instantiate(&[
        "--parse",
        "-E",
        "let f = { a, b ? 2, ... }@args: a + b; in f { a = 1; } // { c = \"x${toString 1}\"; }",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "(let f = ({ a, b ? 2, ... } @ args: (a + b)); in ((f { a = 1; }) // { c = (\"x\" + (toString 1)); }))\n"
    );
}

#[test]
fn parse_quotes_keyword_attribute_names() {
    // Output of current Nix (2.26) --parse: every keyword but `or` is
    // quoted as an attribute name (2.8 quoted only `if`).
    let (code, out) = nix_instantiate(&[
        "--parse",
        "-E",
        r#"x: { "in" = x."then" or 1; "if" = x ? "let"; or = 2; }"#,
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "(x: { \"if\" = ((x) ? \"let\"); \"in\" = (x).\"then\" or (1); or = 2; })\n"
    );
}

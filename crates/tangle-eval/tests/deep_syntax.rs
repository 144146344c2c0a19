//! Big and deep sources through the library on an ordinary thread: parsing,
//! compiling and running need no native stack in proportion to the nesting
//! (the CLI's evaluator thread has a big stack; an embedder's need not).
//! The expected values are arithmetic.

mod common;
use common::on_small_stack;
use std::rc::Rc;
use tangle_eval::{EvalOptions, Evaluator, StdIo};

/// Run `f` with a new evaluator on a small stack ([`on_small_stack`]).
fn with_evaluator(f: impl FnOnce(&mut Evaluator) -> String + Send + 'static) -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    on_small_stack(move || {
        let mut ev = Evaluator::new(EvalOptions::default(), Rc::new(StdIo));
        tx.send(f(&mut ev)).expect("send");
    });
    rx.recv().expect("a result")
}

/// The value of `text` printed (deeply forced), or its error message.
fn eval(text: String) -> String {
    with_evaluator(move |ev| {
        let v = match ev.eval_string(&text, "«deep»", "/") {
            Ok(v) => v,
            Err(e) => return format!("error: {}", e.message),
        };
        match ev.force_deep(&v) {
            Ok(v) => String::from_utf8_lossy(&ev.print(&v)).into_owned(),
            Err(e) => format!("error: {}", e.message),
        }
    })
}

/// `text` printed back as `--parse` does, or its error message.
fn parse(text: String) -> String {
    with_evaluator(move |ev| match ev.parse_only(&text, "«deep»", "/") {
        Ok(s) => s,
        Err(e) => format!("error: {}", e.message),
    })
}

fn name(i: usize) -> String {
    format!("a{}", i)
}

#[test]
fn else_if_chain_of_50_000_branches() {
    let n = 50_000;
    let mut s = format!("let x = {}; in ", n - 1);
    for i in 0..n {
        s.push_str(&format!("if x == {} then {} else ", i, i));
    }
    s.push_str("-1");
    assert_eq!(eval(s), (n - 1).to_string());
}

#[test]
fn let_nested_20_000_deep() {
    let n = 20_000;
    let mut s = String::from("let a0 = 0; in ");
    for i in 1..n {
        s.push_str(&format!("let {} = {} + 1; in ", name(i), name(i - 1)));
    }
    s.push_str(&name(n - 1));
    assert_eq!(eval(s), (n - 1).to_string());
}

#[test]
fn with_nested_10_000_deep() {
    let n = 10_000;
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!("with {{ {} = {}; }}; ", name(i), i));
    }
    s.push_str(&format!("{} + {}", name(0), name(n - 1)));
    assert_eq!(eval(s), (n - 1).to_string());
}

#[test]
fn lists_nested_100_000_deep() {
    let n = 100_000;
    let s = format!("{}1{}", "[".repeat(n), "]".repeat(n));
    let out = eval(s);
    assert_eq!(out.len(), n * 4 + 1);
    assert!(out.starts_with("[ [ [ 1") || out.starts_with("[ [ [ "));
}

#[test]
fn parentheses_sets_and_lambdas_nested_deep() {
    let n = 50_000;
    let parens = format!("{}1{}", "(".repeat(n), ")".repeat(n));
    assert_eq!(eval(parens), "1");
    let sets = format!(
        "({}1{}){}",
        "{ a = ".repeat(n),
        "; }".repeat(n),
        ".a".repeat(n)
    );
    assert_eq!(eval(sets), "1");
    let mut lambdas = String::new();
    for i in 0..n {
        lambdas.push_str(&format!("{}: ", name(i)));
    }
    lambdas.push_str(&name(0));
    let calls = format!("({}){}", lambdas, " 1".repeat(n));
    assert_eq!(eval(calls), "1");
}

#[test]
fn long_operator_chains() {
    let n = 100_000;
    let sum = vec!["1"; n].join(" + ");
    assert_eq!(eval(sum), n.to_string());
    // Right-associative, nesting to the right.
    let implications = vec!["true"; n].join(" -> ");
    assert_eq!(eval(implications), "true");
    // Each `++` and `//` copies, so fewer of these.
    let m = 10_000;
    let concat = vec!["[ 1 ]"; m].join(" ++ ");
    assert_eq!(eval(format!("builtins.length ({})", concat)), m.to_string());
    let update = (0..m)
        .map(|i| format!("{{ {} = {}; }}", name(i % 1000), i))
        .collect::<Vec<_>>()
        .join(" // ");
    assert_eq!(eval(format!("({}).a999", update)), (m - 1).to_string());
    // A chain of selections and applications.
    let selects = format!("let s = {{ a = s; }}; in (s{}).a == s", ".a".repeat(n));
    assert_eq!(eval(selects), "true");
    let calls = format!("let f = x: x; in f{} 1", " f".repeat(n));
    assert_eq!(eval(calls), "1");
}

#[test]
fn interpolations_nested_and_many() {
    let n = 20_000;
    let nested = format!("{}x{}", "\"${".repeat(n), "}\"".repeat(n));
    assert_eq!(eval(format!("let x = \"y\"; in {}", nested)), "\"y\"");
    let many = "${x}".repeat(100_000);
    assert_eq!(
        eval(format!(
            "let x = \"a\"; in builtins.stringLength \"{}\"",
            many
        )),
        "100000"
    );
}

#[test]
fn bindings_past_65_535() {
    let n = 70_000;
    let binds: String = (0..n).map(|i| format!("{} = {};", name(i), i)).collect();
    let last = name(n - 1);
    assert_eq!(
        eval(format!("let {} in {}", binds, last)),
        (n - 1).to_string()
    );
    assert_eq!(
        eval(format!("(rec {{ {} r = {}; }}).r", binds, last)),
        (n - 1).to_string()
    );
    assert_eq!(
        eval(format!("{{ {} }}.{}", binds, last)),
        (n - 1).to_string()
    );
    let formals: Vec<String> = (0..n).map(|i| format!("{} ? {}", name(i), i)).collect();
    let f = format!("({{ {} }}@args: {}) {{ }}", formals.join(", "), last);
    assert_eq!(eval(f), (n - 1).to_string());
}

#[test]
fn deep_syntax_errors_are_errors() {
    let n = 100_000;
    let unclosed = format!("{}1", "[".repeat(n));
    assert_eq!(
        eval(unclosed),
        "error: syntax error, unexpected end of file"
    );
    let extra = format!("{}1{} ]", "[".repeat(n), "]".repeat(n));
    assert_eq!(
        eval(extra),
        "error: syntax error, unexpected ']', expecting end of file"
    );
}

#[test]
fn nested_keys_100_000_long() {
    let n = 100_000;
    let path = vec!["a"; n].join(".");
    // In a `let`, a set made from nested keys is looked at for siblings it
    // reads; in a `rec`, it is a thunk.
    assert_eq!(
        eval(format!("let s = {{ {} = b; }}; b = 1; in s.{}", path, path)),
        "1"
    );
    assert_eq!(
        eval(format!(
            "(rec {{ s = {{ {} = b; }}; b = 1; }}).s.{}",
            path, path
        )),
        "1"
    );
}

/// An expression is printed back (`--parse`, an `assert`'s condition in
/// its message) without recursion too.
#[test]
fn deep_expressions_are_printed_back() {
    let n = 100_000;
    let list = format!("{}1{}", "[".repeat(n), "]".repeat(n));
    let shown = format!("{}1{}", "[ (".repeat(n), ") ]".repeat(n));
    assert_eq!(parse(list.clone()), shown);
    assert_eq!(
        eval(format!("assert {} == 2; 1", list)),
        format!("error: assertion '({} == 2)' failed", shown)
    );
    // Nested sets from nested keys, lets, lambdas, strings, conditions.
    let m = 20_000;
    let path = vec!["a"; m].join(".");
    assert_eq!(
        parse(format!("{{ {} = 1; }}", path)),
        format!("{}1{}", "{ a = ".repeat(m), "; }".repeat(m))
    );
    let lets: String = (0..m)
        .map(|i| format!("let p = {}; q = p; in ", i))
        .collect();
    let shown = parse(format!("{}q", lets));
    assert!(
        shown.starts_with("(let p = 0; q = p; in (let p = 1; "),
        "{}",
        &shown[..80]
    );
    assert!(shown.ends_with(&format!("in q{}", ")".repeat(m))));
    let lambdas = format!("{}x", "x: ".repeat(m));
    assert_eq!(
        parse(lambdas),
        format!("{}x{}", "(x: ".repeat(m), ")".repeat(m))
    );
    let strings = format!("let x = \"a\"; in {}x{}", "\"${".repeat(m), "}\"".repeat(m));
    assert!(parse(strings).ends_with(&format!("in {}x{})", "(".repeat(m), ")".repeat(m))));
    let ifs = format!("{}1", "if true then 0 else ".repeat(m));
    assert_eq!(
        parse(ifs),
        format!("{}1{}", "(if true then 0 else ".repeat(m), ")".repeat(m))
    );
    // A `let` of two names in a failing condition: the order of its names
    // comes from a walk over the whole (deep) source.
    let source = format!(
        "let deep = {}; in assert (let b = 1; a = 2; in a) == 1; 1",
        list
    );
    assert_eq!(
        eval(source),
        "error: assertion '((let b = 1; a = 2; in a) == 1)' failed"
    );
}

//! A value as current Nix shows it inside an error message
//! ("expected a string but found a set: { a = 1; }").
//!
//! The rules are those of Nix's printer with its error print options
//! (Nix ≥ 2.20, `errorPrintOptions`: depth 10, 10 attributes, 10 list
//! items, 1024 bytes of a string), without colours:
//!
//! - nothing is forced: an unevaluated thunk is `«thunk»`, one being
//!   evaluated right now `«potential infinite recursion»`;
//! - the attribute and list-item limits hold for the whole message, not for
//!   each set or list: once 10 attributes have been printed, every set goes
//!   on with `«N attributes elided»` (N = its attributes not yet printed),
//!   and likewise `«N items elided»` for lists (`«1 attribute elided»`,
//!   `«1 item elided»` in the singular);
//! - a set or list nested 10 deep prints as `{ ... }` / `[ ... ]`;
//! - `type` and `_type` come first in a set, then the names in byte order;
//! - a set or non-empty list met a second time (anywhere in the message,
//!   not only on the way down) is `«repeated»`; every empty set is the
//!   same set to Nix (one shared empty attribute table);
//! - a string longer than 1024 bytes is cut: `"…" «N bytes elided»`;
//! - functions are `«lambda NAME @ FILE:LINE:COL»` (no name when the lambda
//!   is not bound to one), `«primop NAME»`, `«partially applied primop
//!   NAME»`; derivations print as the sets they are.
//!
//! The walk uses an explicit work list: no Rust recursion over Nix data.

use super::{address, format_float};
use crate::gc::Gc;
use crate::symbol::Symbol;
use crate::value::{Attrs, ThunkState, Value};
use std::collections::HashSet;
use std::rc::Rc;

/// Sets and lists nested this deep print as `{ ... }` / `[ ... ]`.
pub const MAX_DEPTH: usize = 10;
/// Attributes printed per message.
pub const MAX_ATTRS: usize = 10;
/// List items printed per message.
pub const MAX_LIST_ITEMS: usize = 10;
/// Bytes of a string printed before the rest is elided.
pub const MAX_STRING_BYTES: usize = 1024;

/// The key under which every empty set is remembered as seen.
const EMPTY_SET: usize = 0;

/// One step of the walk.
enum Task {
    /// Print a value found at this nesting depth.
    Value(Value, usize),
    /// Print the attribute at `next` of a set (in printing order) or close it.
    Attrs {
        attrs: Gc<Attrs>,
        order: Rc<[usize]>,
        next: usize,
        depth: usize,
    },
    /// Print the item at `next` of a list or close it.
    List {
        list: Gc<Vec<Value>>,
        next: usize,
        depth: usize,
    },
    /// An attribute's value is done: close it and count it.
    AttrDone,
    /// A list item is done: count it.
    ItemDone,
}

/// The printer's state: the output and the message-wide counters.
struct Printer {
    out: String,
    seen: HashSet<usize>,
    attrs_printed: usize,
    items_printed: usize,
}

/// `v` printed the way current Nix prints a value inside an error message.
pub fn error_value(v: &Value) -> String {
    let mut p = Printer {
        out: String::new(),
        seen: HashSet::new(),
        attrs_printed: 0,
        items_printed: 0,
    };
    let mut work = vec![Task::Value(*v, 0)];
    while let Some(task) = work.pop() {
        match task {
            Task::Value(v, depth) => p.value(v, depth, &mut work),
            Task::Attrs {
                attrs,
                order,
                next,
                depth,
            } => {
                if next == order.len() {
                    p.out.push_str(" }");
                    continue;
                }
                p.out.push(' ');
                if p.attrs_printed >= MAX_ATTRS {
                    p.elided(order.len() - next, "attribute", "attributes");
                    p.out.push_str(" }");
                    continue;
                }
                let (name, value) = &attrs.entries()[order[next]];
                attr_name(*name, &mut p.out);
                p.out.push_str(" = ");
                let value = *value;
                work.push(Task::Attrs {
                    attrs,
                    order,
                    next: next + 1,
                    depth,
                });
                work.push(Task::AttrDone);
                work.push(Task::Value(value, depth + 1));
            }
            Task::List { list, next, depth } => {
                if next == list.len() {
                    p.out.push_str(" ]");
                    continue;
                }
                p.out.push(' ');
                if p.items_printed >= MAX_LIST_ITEMS {
                    p.elided(list.len() - next, "item", "items");
                    p.out.push_str(" ]");
                    continue;
                }
                let item = list[next];
                work.push(Task::List {
                    list,
                    next: next + 1,
                    depth,
                });
                work.push(Task::ItemDone);
                work.push(Task::Value(item, depth + 1));
            }
            Task::AttrDone => {
                p.out.push(';');
                p.attrs_printed += 1;
            }
            Task::ItemDone => p.items_printed += 1,
        }
    }
    p.out
}

impl Printer {
    fn value(&mut self, v: Value, depth: usize, work: &mut Vec<Task>) {
        match v {
            Value::Null => self.out.push_str("null"),
            Value::Bool(b) => self.out.push_str(if b { "true" } else { "false" }),
            Value::Int(i) => self.out.push_str(&i.to_string()),
            Value::Float(f) => self.out.push_str(&format_float(f)),
            Value::String(s) => string(&s.bytes, &mut self.out),
            Value::Path(p) => self.out.push_str(&p.path),
            Value::Attrs(a) => {
                let key = if a.is_empty() { EMPTY_SET } else { address(&a) };
                if !self.seen.insert(key) {
                    self.out.push_str("«repeated»");
                } else if depth >= MAX_DEPTH {
                    self.out.push_str("{ ... }");
                } else {
                    self.out.push('{');
                    work.push(Task::Attrs {
                        order: printing_order(&a),
                        attrs: a,
                        next: 0,
                        depth,
                    });
                }
            }
            Value::List(l) => {
                if !l.is_empty() && !self.seen.insert(address(&l)) {
                    self.out.push_str("«repeated»");
                } else if depth >= MAX_DEPTH {
                    self.out.push_str("[ ... ]");
                } else {
                    self.out.push('[');
                    work.push(Task::List {
                        list: l,
                        next: 0,
                        depth,
                    });
                }
            }
            Value::Thunk(t) => {
                if t.forcing() {
                    self.out.push_str("«potential infinite recursion»");
                    return;
                }
                let done = match &t.state() {
                    ThunkState::Done(v) => Some(*v),
                    _ => None,
                };
                match done {
                    Some(v) => work.push(Task::Value(v, depth)),
                    None => self.out.push_str("«thunk»"),
                }
            }
            Value::Closure(c) => {
                let lambda = &c.lambda;
                self.out.push_str("«lambda");
                if let Some(name) = lambda.name {
                    self.out.push(' ');
                    self.out.push_str(name.as_str());
                }
                let (line, col) = lambda.source.line_col(lambda.offset);
                self.out
                    .push_str(&format!(" @ {}:{}:{}»", lambda.source.name, line, col));
            }
            Value::PrimOp(op) => {
                self.out.push_str("«primop ");
                self.out.push_str(op.name);
                self.out.push('»');
            }
            Value::PrimOpApp(app) => {
                self.out.push_str("«partially applied primop ");
                self.out.push_str(app.op.name);
                self.out.push('»');
            }
        }
    }

    /// `«3 attributes elided»`, `«1 item elided»`.
    fn elided(&mut self, n: usize, one: &str, many: &str) {
        self.out.push_str(&format!(
            "«{} {} elided»",
            n,
            if n == 1 { one } else { many }
        ));
    }
}

/// The order Nix prints a set's attributes in when its attribute count is
/// limited: `_type` and `type` first, then by name (the entries are already
/// sorted by name in byte order).
fn printing_order(a: &Attrs) -> Rc<[usize]> {
    let important = |i: &usize| matches!(a.entries()[*i].0.as_str(), "type" | "_type");
    let all = 0..a.len();
    all.clone()
        .filter(important)
        .chain(all.filter(|i| !important(i)))
        .collect()
}

/// A string literal as Nix's error printer writes it: `"`, `\`, newline,
/// carriage return, tab and `${` escaped, everything else as is; after
/// [`MAX_STRING_BYTES`] bytes the rest is elided.
fn string(bytes: &[u8], out: &mut String) {
    let mut buf: Vec<u8> = Vec::with_capacity(bytes.len().min(MAX_STRING_BYTES) + 2);
    literal(bytes, MAX_STRING_BYTES, &mut buf);
    out.push_str(&String::from_utf8_lossy(&buf));
    if bytes.len() > MAX_STRING_BYTES {
        let n = bytes.len() - MAX_STRING_BYTES;
        out.push_str(&format!(
            " «{} {} elided»",
            n,
            if n == 1 { "byte" } else { "bytes" }
        ));
    }
}

/// The quoted, escaped form of the first `max` bytes.
fn literal(bytes: &[u8], max: usize, out: &mut Vec<u8>) {
    super::escape_string_prefix(bytes, max, out)
}

/// An attribute name: bare if it is an identifier (and no keyword), else a
/// quoted string literal (never cut).
fn attr_name(name: Symbol, out: &mut String) {
    let s = name.as_str();
    if is_var_name(s) {
        out.push_str(s);
    } else {
        let mut buf = Vec::with_capacity(s.len() + 2);
        literal(s.as_bytes(), usize::MAX, &mut buf);
        out.push_str(&String::from_utf8_lossy(&buf));
    }
}

/// The keywords current Nix quotes as attribute names (not `or`).
const KEYWORDS: [&str; 9] = [
    "if", "then", "else", "assert", "with", "let", "in", "rec", "inherit",
];

/// Nix's test for a name that needs no quotes: letters, digits, `_`, `-`,
/// `'`, not starting with a digit, `-` or `'`, and not a keyword.
pub(crate) fn is_var_name(s: &str) -> bool {
    let b = s.as_bytes();
    match b.first() {
        None => return false,
        Some(c) if c.is_ascii_digit() || *c == b'-' || *c == b'\'' => return false,
        _ => {}
    }
    !KEYWORDS.contains(&s)
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'\''))
}

#[cfg(test)]
mod tests {
    //! Expected texts follow current Nix's value printer with its error
    //! print options (NixOS/nix src/libexpr/print.cc and
    //! print-options.hh `errorPrintOptions`), its unit tests
    //! (src/libexpr-tests/error_traces.cc, value/print.cc) and language
    //! tests (tests/functional/lang/eval-fail-*.err.exp); each test names
    //! the rule it checks.
    use super::error_value;
    use crate::{EvalOptions, Evaluator, StdIo, Value};
    use std::rc::Rc;

    /// The value of `text`, evaluated to weak head normal form only, as
    /// printed in errors (while its evaluator, which owns it, lives).
    fn show(text: &str) -> String {
        let mut ev = Evaluator::new(EvalOptions::default(), Rc::new(StdIo));
        let v = ev.eval_string(text, "«string»", "/").expect("evaluates");
        let v: Value = ev.force(&v).expect("forces");
        error_value(&v)
    }

    /// The message of the error `text` raises.
    fn message(text: &str) -> String {
        let mut ev = Evaluator::new(EvalOptions::default(), Rc::new(StdIo));
        let r = ev
            .eval_string(text, "«string»", "/")
            .and_then(|v| ev.force_deep(&v));
        r.err().expect("fails").message.clone()
    }

    #[test]
    fn scalars_print_as_nix_writes_them() {
        // print.cc: integers and floats through a C++ stream (`%g`),
        // Booleans and null as keywords, paths as they are.
        assert_eq!(show("1"), "1");
        assert_eq!(show("-7"), "-7");
        assert_eq!(show("1.5"), "1.5");
        assert_eq!(show("1.0"), "1");
        assert_eq!(show("1.0e20"), "1e+20");
        assert_eq!(show("true"), "true");
        assert_eq!(show("null"), "null");
        assert_eq!(show("/a/b"), "/a/b");
    }

    #[test]
    fn strings_are_escaped_like_nix_literals() {
        // print.cc printLiteralString: `"` `\` newline, CR, tab and `${`
        // are escaped; a lone `$` is not.
        assert_eq!(
            show(r#""q\"b\\s\n\r\t${"$"}{x}$y""#),
            r#""q\"b\\s\n\r\t\${x}$y""#
        );
        assert_eq!(show(r#""""#), r#""""#);
    }

    #[test]
    fn long_strings_are_cut_after_1024_bytes() {
        // errorPrintOptions.maxStringLength = 1024; the rest is counted in
        // bytes ("«N bytes elided»", singular for one).
        let s = |n: usize| show(&format!("\"{}\"", "x".repeat(n)));
        assert_eq!(s(1024), format!("\"{}\"", "x".repeat(1024)));
        assert_eq!(s(1025), format!("\"{}\" «1 byte elided»", "x".repeat(1024)));
        assert_eq!(
            s(1030),
            format!("\"{}\" «6 bytes elided»", "x".repeat(1024))
        );
    }

    #[test]
    fn empty_containers() {
        // error_traces.cc: `{ }` and `[ ]`.
        assert_eq!(show("{ }"), "{ }");
        assert_eq!(show("[ ]"), "[ ]");
    }

    #[test]
    fn attribute_names_are_quoted_unless_identifiers() {
        // print.cc printAttributeName: bare if a variable name and no
        // keyword; sorted by name in byte order.
        assert_eq!(
            show(r#"{ "if" = 1; "1a" = 2; "a b" = 3; a-b' = 4; "" = 5; "x\"" = 6; }"#),
            r#"{ "" = 5; "1a" = 2; "a b" = 3; a-b' = 4; "if" = 1; "x\"" = 6; }"#
        );
    }

    #[test]
    fn type_attributes_come_first() {
        // print.cc ImportantFirstAttrNameCmp (used whenever maxAttrs is
        // limited, as in error messages): `_type` and `type` first.
        assert_eq!(
            show("{ a = 1; type = 2; _type = 3; z = 4; }"),
            "{ _type = 3; type = 2; a = 1; z = 4; }"
        );
    }

    #[test]
    fn unevaluated_values_are_thunks() {
        // print.cc printThunk: nothing is forced. A literal is stored as
        // its value, any other expression (sum, lambda, list) as a thunk.
        assert_eq!(
            show("{ a = 1 + 1; b = x: x; c = [ 1 ]; d = \"s\"; e = 1; }"),
            "{ a = «thunk»; b = «thunk»; c = «thunk»; d = \"s\"; e = 1; }"
        );
        // Once forced, the value itself is shown.
        assert_eq!(
            show("let s = { a = 1 + 1; }; in builtins.seq s.a s"),
            "{ a = 2; }"
        );
    }

    #[test]
    fn functions() {
        // print.cc printFunction, and the release notes of Nix 2.20
        // ("Functions are printed with more detail"): `«lambda NAME @
        // POS»` (no name unless bound to one), `«primop NAME»`,
        // `«partially applied primop NAME»`.
        assert_eq!(show("x: x"), "«lambda @ «string»:1:1»");
        assert_eq!(show("let f = x: x; in f"), "«lambda f @ «string»:1:9»");
        assert_eq!(show("builtins.map"), "«primop map»");
        assert_eq!(
            show("builtins.map (x: x)"),
            "«partially applied primop map»"
        );
    }

    #[test]
    fn list_items_are_limited_per_message() {
        // errorPrintOptions.maxListItems = 10, for the whole message.
        assert_eq!(
            show("builtins.genList (x: x) 12"),
            "[ «thunk» «thunk» «thunk» «thunk» «thunk» «thunk» «thunk» «thunk» «thunk» «thunk» «2 items elided» ]"
        );
        assert_eq!(
            show("[ 1 2 3 4 5 6 7 8 9 10 11 ]"),
            "[ 1 2 3 4 5 6 7 8 9 10 «1 item elided» ]"
        );
        // A nested list's items count first (an item is counted once
        // printed): the inner list takes 3, itself 1, the outer list then
        // 6 more and elides its last 3.
        assert_eq!(
            show("let i = [ 1 2 3 ]; in builtins.deepSeq i [ i 4 5 6 7 8 9 10 11 12 ]"),
            "[ [ 1 2 3 ] 4 5 6 7 8 9 «3 items elided» ]"
        );
    }

    #[test]
    fn attributes_are_limited_per_message() {
        // errorPrintOptions.maxAttrs = 10, for the whole message; the
        // count of a set's elided attributes is its own (Nix's
        // eval-fail-bad-string-interpolation-4: nine attributes per level,
        // the innermost printed whole, «8 attributes elided» above it).
        let ha = "ha = x: y: { a = x y; b = x y; c = x y; d = x y; e = x y; f = x y; g = x y; h = x y; j = x y; }";
        let text = format!(
            "let {}; has = ha (ha (ha (ha (x: x)))) \"ha\"; in builtins.deepSeq has has",
            ha
        );
        assert_eq!(
            show(&text),
            "{ a = { a = { a = { a = \"ha\"; b = \"ha\"; c = \"ha\"; d = \"ha\"; e = \"ha\"; f = \"ha\"; g = \"ha\"; h = \"ha\"; j = \"ha\"; }; «8 attributes elided» }; «8 attributes elided» }; «8 attributes elided» }"
        );
        assert_eq!(
            show("{ a = 1; b = 2; c = 3; d = 4; e = 5; f = 6; g = 7; h = 8; i = 9; j = 10; k = 11; }"),
            "{ a = 1; b = 2; c = 3; d = 4; e = 5; f = 6; g = 7; h = 8; i = 9; j = 10; «1 attribute elided» }"
        );
    }

    #[test]
    fn deep_nesting_is_cut_at_depth_ten() {
        // errorPrintOptions.maxDepth = 10: a set or list at depth 10
        // prints as `{ ... }` / `[ ... ]`.
        let list = format!("{}1{}", "[ ".repeat(12), " ]".repeat(12));
        let text = format!("let x = {}; in builtins.deepSeq x x", list);
        assert_eq!(
            show(&text),
            format!("{}[ ... ]{}", "[ ".repeat(10), " ]".repeat(10))
        );
        let set = format!("{}1{}", "{ a = ".repeat(11), "; }".repeat(11));
        let text = format!("let x = {}; in builtins.deepSeq x x", set);
        assert_eq!(
            show(&text),
            format!("{}{{ ... }}{}", "{ a = ".repeat(10), "; }".repeat(10))
        );
    }

    #[test]
    fn repeated_values_and_cycles() {
        // print.cc trackRepeated: a set, or a non-empty list, met again
        // anywhere in the message is «repeated»; empty lists never are,
        // and every empty set is the one shared empty attribute table.
        assert_eq!(
            show("let s = { a = 1; }; l = [ 1 ]; x = [ s s l l [ ] [ ] { } { } ]; in builtins.deepSeq x x"),
            "[ { a = 1; } «repeated» [ 1 ] «repeated» [ ] [ ] { } «repeated» ]"
        );
        // Unforced, the literals are thunks (only variables and constants
        // are stored as values).
        assert_eq!(
            show("let s = { a = 1; }; in builtins.seq s [ s s [ ] { } ]"),
            "[ { a = 1; } «repeated» «thunk» «thunk» ]"
        );
        // A set that holds itself.
        assert_eq!(
            show("let s = { inherit s; }; in builtins.seq s.s s"),
            "{ s = «repeated»; }"
        );
    }

    #[test]
    fn a_value_being_evaluated_is_a_potential_infinite_recursion() {
        // print.cc printThunk: a black hole prints as
        // «potential infinite recursion».
        assert_eq!(
            message("let x = builtins.length { a = x; }; in x"),
            "expected a list but found a set: { a = «potential infinite recursion»; }"
        );
    }

    #[test]
    fn type_error_messages() {
        // eval-inline.hh forceAttrs/forceList, eval.cc callFunction,
        // coerceToString; primops.cc CompareValues; error_traces.cc.
        assert_eq!(
            message("let x = 1; in x.a"),
            "expected a set but found an integer: 1"
        );
        assert_eq!(
            message("builtins.length \"foo\""),
            "expected a list but found a string: \"foo\""
        );
        assert_eq!(
            message("1 2"),
            "attempt to call something which is not a function but an integer: 1"
        );
        assert_eq!(
            message("toString { a = 1; }"),
            "cannot coerce a set to a string: { a = 1; }"
        );
        assert_eq!(
            message("builtins.lessThan 1 \"foo\""),
            "cannot compare an integer with a string; values are 1 and \"foo\""
        );
        assert_eq!(
            message("builtins.lessThan { } { }"),
            "cannot compare a set with a set; values of that type are incomparable (values are { } and { })"
        );
        assert_eq!(
            message("builtins.length \"${builtins.toFile \"a\" \"b\"}\""),
            "expected a list but found a string with context: \"/nix/store/g76zcpqc540lrc8i6g7xy6ip0npn2hnp-a\""
        );
    }
}

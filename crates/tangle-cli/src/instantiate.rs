//! `tangle instantiate`: find the derivations a value stands for, the way
//! `nix-instantiate` does, and list their `.drv` paths.
//!
//! - a derivation (a set with `type = "derivation"`) is itself;
//! - a list stands for each of its elements, which must be derivations,
//!   sets or lists;
//! - any other set stands for the derivations among its attributes (by
//!   name), and for those of nested sets that say
//!   `recurseForDerivations = true`; other attribute values are ignored.
//!
//! A derivation met a second time (the very same set, e.g. `d` and `d.out`)
//! is listed once. Each derivation's `name` is checked while they are
//! gathered; `drvPath` and `outputName` are forced afterwards, one
//! derivation at a time, as Nix does. A derivation must have an
//! `outputName`; when it is not `out` the line is `drv!output`.

use std::collections::HashSet;
use tangle_eval::builtins::context::is_store_path;
use tangle_eval::gc::Gc;
use tangle_eval::value::Attrs;
use tangle_eval::{Error, Evaluator, Result, Value};

enum Work {
    /// A value at the top of the expression or in a list: must be a
    /// derivation, a set or a list.
    Top(Value),
    /// An attribute of a set: a derivation, a set to recurse into if it
    /// asks for it, or ignored.
    Attr(Value),
}

fn not_derivations() -> Error {
    Error::eval("expression does not evaluate to a derivation (or a set or list of those)")
}

/// A string attribute that must not refer to store paths.
fn string_no_ctx(ev: &mut Evaluator, v: &Value) -> Result<String> {
    tangle_eval::builtins::text_no_context(&ev.force(v)?)
}

fn is_derivation(ev: &mut Evaluator, set: &Attrs) -> Result<bool> {
    let Some(t) = set.get_str("type") else {
        return Ok(false);
    };
    Ok(matches!(ev.force(t)?, Value::String(s) if &*s.bytes == b"derivation"))
}

/// The line `nix-instantiate` prints for a derivation: its `.drv` path,
/// with `!output` when the output is not `out`.
fn derivation_line(ev: &mut Evaluator, set: &Attrs) -> Result<String> {
    let Some(drv) = set.get_str("drvPath") else {
        return Err(Error::eval(
            "derivation does not contain a 'drvPath' attribute",
        ));
    };
    let mut line = match ev.force(drv)? {
        Value::String(s) => s.as_str_lossy().into_owned(),
        Value::Path(p) => p.path.to_string(),
        other => return Err(tangle_eval::error::type_error::cannot_coerce(&other)),
    };
    if !is_store_path(&line) {
        return Err(Error::eval(format!(
            "path '{}' is not in the Nix store",
            line
        )));
    }
    let output = match set.get_str("outputName") {
        Some(o) => string_no_ctx(ev, o)?,
        None => String::new(),
    };
    if output.is_empty() {
        return Err(Error::eval(format!(
            "derivation '{}' lacks an 'outputName' attribute",
            line
        )));
    }
    if output != "out" {
        line.push('!');
        line.push_str(&output);
    }
    Ok(line)
}

fn wants_recursion(ev: &mut Evaluator, set: &Attrs) -> Result<bool> {
    match set.get_str("recurseForDerivations") {
        Some(v) => match ev.force(v)? {
            Value::Bool(b) => Ok(b),
            other => Err(tangle_eval::error::type_error::expected(
                "a Boolean",
                &other,
            )),
        },
        None => Ok(false),
    }
}

pub fn drv_paths(ev: &mut Evaluator, root: Value) -> Result<Vec<String>> {
    let mut found: Vec<Gc<Attrs>> = Vec::new();
    let mut done: HashSet<*const Attrs> = HashSet::new();
    let mut work = vec![Work::Top(root)];
    while let Some(w) = work.pop() {
        let (v, top) = match w {
            Work::Top(v) => (ev.force(&v)?, true),
            Work::Attr(v) => (ev.force(&v)?, false),
        };
        match v {
            Value::Attrs(set) => {
                if is_derivation(ev, &set)? {
                    if done.insert(Gc::as_ptr(&set)) {
                        match set.get_str("name") {
                            Some(n) => {
                                string_no_ctx(ev, n)?;
                            }
                            None => return Err(Error::eval("derivation name missing")),
                        }
                        found.push(set);
                    }
                } else if top || wants_recursion(ev, &set)? {
                    for (_, e) in set.entries().iter().rev() {
                        work.push(Work::Attr(*e));
                    }
                }
            }
            Value::List(l) if top => {
                for e in l.iter().rev() {
                    work.push(Work::Top(*e));
                }
            }
            _ if top => return Err(not_derivations()),
            _ => {}
        }
    }
    found.iter().map(|set| derivation_line(ev, set)).collect()
}

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
//! A derivation whose `outputName` is not `out` prints as `drv!output`.

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

/// The `.drv` path (with `!output` when not `out`) if `set` is a
/// derivation.
fn derivation_line(ev: &mut Evaluator, set: &Attrs) -> Result<Option<String>> {
    let Some(t) = set.get_str("type") else {
        return Ok(None);
    };
    match ev.force(t)? {
        Value::String(s) if &*s.bytes == b"derivation" => {}
        _ => return Ok(None),
    }
    let drv = match set.get_str("drvPath") {
        Some(v) => ev.force(v)?,
        None => return Err(Error::eval("attribute 'drvPath' missing")),
    };
    let Value::String(drv) = drv else {
        return Err(Error::eval(format!(
            "value is {} while a string was expected",
            drv.show_type()
        )));
    };
    let mut line = drv.as_str_lossy().into_owned();
    if let Some(o) = set.get_str("outputName") {
        if let Value::String(o) = ev.force(o)? {
            if &*o.bytes != b"out" {
                line.push('!');
                line.push_str(&o.as_str_lossy());
            }
        }
    }
    Ok(Some(line))
}

fn wants_recursion(ev: &mut Evaluator, set: &Attrs) -> Result<bool> {
    match set.get_str("recurseForDerivations") {
        Some(v) => Ok(matches!(ev.force(v)?, Value::Bool(true))),
        None => Ok(false),
    }
}

pub fn drv_paths(ev: &mut Evaluator, root: Value) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut work = vec![Work::Top(root)];
    while let Some(w) = work.pop() {
        let (v, top) = match w {
            Work::Top(v) => (ev.force(&v)?, true),
            Work::Attr(v) => (ev.force(&v)?, false),
        };
        match v {
            Value::Attrs(set) => {
                if let Some(line) = derivation_line(ev, &set)? {
                    out.push(line);
                } else if top || wants_recursion(ev, &set)? {
                    for (_, e) in set.entries.iter().rev() {
                        work.push(Work::Attr(e.clone()));
                    }
                }
            }
            Value::List(l) if top => {
                for e in l.iter().rev() {
                    work.push(Work::Top(e.clone()));
                }
            }
            _ if top => return Err(not_derivations()),
            _ => {}
        }
    }
    Ok(out)
}

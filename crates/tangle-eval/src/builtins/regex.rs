//! Regular expressions: `match` and `split`.
//!
//! Nix's patterns are POSIX extended regular expressions as C++ Nix's
//! `std::regex` (libstdc++, `extended` flag) reads and runs them. Its
//! matching rules are neither POSIX leftmost-longest nor the leftmost-first
//! rules of the usual regex engines, and they show in captures and in
//! `split`, so Tangle has its own small engine that follows them exactly:
//! [`compile`] (syntax, errors, program shape) and [`exec`] (matching).
//! Strings are matched as bytes; classes are those of the C locale.
//!
//! The `regex` crate is not used: its leftmost-first rules give other
//! captures and other `split` results as soon as alternatives overlap
//! (`split "(a|ab)c?" "abc"` is `[ "" [ "ab" ] "" ]` in Nix), and no
//! translation of the pattern changes that. Differential testing against
//! Nix 2.8 (thousands of random patterns and subjects) found no difference.
//!
//! The price is Nix's worst case: backtracking takes exponential time on
//! patterns like `(a|a)*b`, in Tangle as in Nix. There is no step limit,
//! since it would fail evaluations that Nix completes. Tangle does not
//! recurse natively, so a long subject that overflows Nix's stack
//! ("stack overflow" on a megabyte-long `(.*)b`) just matches.

mod compile;
mod exec;

use super::string_no_context;
use super::{ok, string, PrimOpDef, PrimRet};
use crate::error::{Error, Result};
#[allow(unused_imports)]
use crate::gc::{Trace, Tracer};
use crate::value::{NixString, Value};
use crate::vm::{Cont, Step, Vm};
use compile::{CompileError, Program};
use exec::{Groups, Matcher, Scratch};
use rustc_hash::FxHashMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub static PRIMOPS: &[PrimOpDef] = &[
    prim!("match", 2, 1, prim_match),
    prim!("split", 2, 1, prim_split),
];

/// Compiled patterns by their text. Code typically matches the same few
/// patterns against many strings.
const CACHE_LIMIT: usize = 1024;

thread_local! {
    static CACHE: RefCell<FxHashMap<Box<[u8]>, Rc<Compiled>>> = RefCell::new(FxHashMap::default());
}

struct Compiled {
    prog: Program,
    /// The matcher buffers of the last run, for the next one.
    scratch: Cell<Option<Scratch>>,
}

impl Compiled {
    fn run<T>(&self, f: impl FnOnce(&mut Matcher) -> T) -> T {
        let scratch = self.scratch.take().unwrap_or_default();
        let mut m = Matcher::with_scratch(&self.prog, scratch);
        let out = f(&mut m);
        self.scratch.set(Some(m.into_scratch()));
        out
    }
}

fn program(pattern: &NixString) -> Result<Rc<Compiled>> {
    let key = &pattern.bytes;
    if let Some(p) = CACHE.with(|c| c.borrow().get(&key[..]).cloned()) {
        return Ok(p);
    }
    let prog = compile::compile(key).map_err(|e| {
        let text = pattern.as_str_lossy();
        Error::eval(match e {
            CompileError::Invalid => format!("invalid regular expression '{}'", text),
            CompileError::Space => {
                format!("memory limit exceeded by regular expression '{}'", text)
            }
        })
    })?;
    let prog = Rc::new(Compiled {
        prog,
        scratch: Cell::new(None),
    });
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CACHE_LIMIT {
            c.clear();
        }
        c.insert(key.clone(), prog.clone());
    });
    Ok(prog)
}

/// The pattern is compiled (and its errors raised) before the string
/// argument is forced, as in Nix.
fn with_subject(
    a: &mut [Value],
    run: fn(&Compiled, &Value, &NixString) -> Value,
) -> Result<PrimRet> {
    let prog = program(&*string_no_context(&a[0])?)?;
    let subject = a[1];
    if subject.is_forced() {
        let v = subject.shallow();
        let s = string(&v)?;
        return ok(run(&prog, &v, &s));
    }
    Ok(PrimRet::Cont(Box::new(ForceSubject {
        prog,
        subject: Some(subject),
        run,
    })))
}

struct ForceSubject {
    prog: Rc<Compiled>,
    subject: Option<Value>,
    run: fn(&Compiled, &Value, &NixString) -> Value,
}

impl Cont for ForceSubject {
    fn trace(&self, t: &mut Tracer) {
        self.subject.trace(t);
    }
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        if let Some(v) = self.subject.take() {
            return Ok(Step::Force(v));
        }
        let s = string(&input)?;
        Ok(Step::Done((self.run)(&self.prog, &input, &s)))
    }
}

/// The captures (groups 1..) as Nix values: a string, or null for a group
/// that took no part. They carry no context, as in Nix.
fn captures(input: &[u8], groups: &Groups) -> Value {
    Value::list(
        groups
            .iter()
            .skip(1)
            .map(|g| match g.and_then(|(a, b)| input.get(a..b)) {
                Some(bytes) => Value::string(bytes),
                None => Value::Null,
            })
            .collect(),
    )
}

pub fn prim_match(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    with_subject(a, |prog, _, s| match prog.run(|m| m.match_all(&s.bytes)) {
        Some(groups) => captures(&s.bytes, &groups),
        None => Value::Null,
    })
}

pub fn prim_split(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    with_subject(a, |prog, original, s| {
        let input = &s.bytes;
        let found = prog.run(|m| m.split(input));
        if found.is_empty() {
            // Nix hands back the argument itself, context and all.
            return Value::list(vec![*original]);
        }
        let mut out = Vec::with_capacity(found.len() * 2 + 1);
        let mut last_end = 0;
        for (prefix_start, groups) in &found {
            let (start, end) = groups.first().copied().flatten().unwrap_or((0, 0));
            out.push(Value::string(
                input.get(*prefix_start..start).unwrap_or_default(),
            ));
            out.push(captures(input, groups));
            last_end = end;
        }
        out.push(Value::string(input.get(last_end..).unwrap_or_default()));
        Value::list(out)
    })
}

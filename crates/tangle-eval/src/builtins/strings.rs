//! String builtins.

mod replace;

use super::{int, list, ok, string, PrimRet};
use crate::error::{Error, Result};
use crate::gc::{Gc, Trace, Tracer};
use crate::value::{Context, NixString, Value};
use crate::vm::coerce::{Concat, Mode};
use crate::vm::{Cont, Step, Vm};
pub use replace::replace_strings;

pub fn to_string(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    if let Some(s) = crate::vm::coerce::to_string_fast(&a[0]) {
        return ok(s);
    }
    Ok(PrimRet::Cont(Box::new(Concat::new(
        vec![a[0]],
        Mode::ToString,
    ))))
}

/// Nix checks each argument's type as soon as it forces it, before it
/// forces the next one (`substring "x" (throw "b") "c"` is a type error,
/// not the throw). Builtins that care declare only their first argument
/// strict and force `args[range]` with this, in order; `then` runs once
/// they are all forced and checked.
pub fn in_order(
    vm: &mut Vm,
    a: &mut [Value],
    range: std::ops::Range<usize>,
    check: fn(usize, &Value) -> Result<()>,
    then: fn(&mut Vm, &mut [Value]) -> Result<PrimRet>,
) -> Result<PrimRet> {
    for i in range.clone() {
        if !a[i].is_forced() {
            return Ok(PrimRet::Cont(Box::new(InOrder {
                args: a.to_vec(),
                next: i,
                end: range.end,
                waiting: false,
                finished: false,
                check,
                then,
            })));
        }
        a[i] = a[i].shallow();
        check(i, &a[i])?;
    }
    then(vm, a)
}

struct InOrder {
    args: Vec<Value>,
    next: usize,
    end: usize,
    waiting: bool,
    finished: bool,
    check: fn(usize, &Value) -> Result<()>,
    then: fn(&mut Vm, &mut [Value]) -> Result<PrimRet>,
}

impl Cont for InOrder {
    fn trace(&self, t: &mut Tracer) {
        self.args.trace(t);
    }
    fn resume(&mut self, vm: &mut Vm, input: Value) -> Result<Step> {
        if self.finished {
            return Ok(Step::Done(input));
        }
        if self.waiting {
            self.waiting = false;
            (self.check)(self.next, &input)?;
            self.args[self.next] = input;
            self.next += 1;
        }
        while self.next < self.end {
            let v = &self.args[self.next];
            if !v.is_forced() {
                self.waiting = true;
                return Ok(Step::Force(*v));
            }
            let v = v.shallow();
            (self.check)(self.next, &v)?;
            self.args[self.next] = v;
            self.next += 1;
        }
        self.finished = true;
        match (self.then)(vm, &mut self.args)? {
            PrimRet::Value(v) => Ok(Step::Done(v)),
            PrimRet::Cont(c) => Ok(Step::Sub(c)),
        }
    }
}

/// Coerce a value to a string the way Nix's `coerceToString` does for
/// string builtins (strings, and sets with `__toString` or `outPath`;
/// anything else is "cannot coerce ..."), then finish with `f`.
pub(super) fn coerce_then<T: 'static>(
    v: &Value,
    extra: T,
    f: fn(&T, &NixString) -> Result<Value>,
) -> Result<PrimRet> {
    if let Value::String(s) = v.shallow() {
        return ok(f(&extra, &s)?);
    }
    Ok(PrimRet::Cont(Box::new(Coerced {
        inner: Some(Box::new(Concat::interpolation(vec![*v]))),
        extra,
        f,
    })))
}

struct Coerced<T> {
    inner: Option<Box<dyn Cont>>,
    extra: T,
    f: fn(&T, &NixString) -> Result<Value>,
}

impl<T> Cont for Coerced<T> {
    fn trace(&self, t: &mut Tracer) {
        if let Some(c) = &self.inner {
            c.trace(t);
        }
    }
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        if let Some(c) = self.inner.take() {
            return Ok(Step::Sub(c));
        }
        let s = string(&input)?;
        Ok(Step::Done((self.f)(&self.extra, &s)?))
    }
}

pub fn string_length(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    coerce_then(&a[0], (), |_, s| Ok(Value::Int(s.bytes.len() as i64)))
}

/// `substring start len s`, in current Nix's order: `start` is forced and
/// checked (not negative) first, then `len`, then `s` is coerced. The
/// positions are then read as 2.8 reads them, into 32-bit C `int`s, so a
/// start that is only negative after wrapping (`2147483648`) still fails,
/// but only once `len` and `s` are known, where 2.8 checks it.
pub fn substring(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    if int(&a[0])? < 0 {
        return Err(negative_start());
    }
    in_order(
        vm,
        a,
        1..2,
        |_, v| int(v).map(|_| ()),
        |_, a| {
            // Nix reads both numbers into a C `int`: they wrap at 32 bits.
            let start = int(&a[0])? as i32;
            let len = int(&a[1])? as i32;
            coerce_then(&a[2], (start, len), |&(start, len), s| {
                if start < 0 {
                    return Err(negative_start());
                }
                let bytes = &s.bytes;
                let start = (start as usize).min(bytes.len());
                // A negative length means "to the end".
                let end = if len < 0 {
                    bytes.len()
                } else {
                    start.saturating_add(len as usize).min(bytes.len())
                };
                Ok(Value::string_ctx(
                    bytes[start..end].to_vec(),
                    s.context.clone(),
                ))
            })
        },
    )
}

fn negative_start() -> Error {
    Error::eval("negative start position in 'substring'")
}

pub fn concat_strings_sep(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    string(&a[0])?;
    in_order(
        vm,
        a,
        1..2,
        |_, v| list(v).map(|_| ()),
        |_, a| {
            let sep = string(&a[0])?;
            Ok(PrimRet::Cont(Box::new(JoinStrings {
                sep: sep.bytes.to_vec(),
                items: list(&a[1])?,
                index: 0,
                out: Vec::new(),
                // Nix takes the separator's context even when it is never
                // inserted.
                ctx: sep.context.clone(),
                waiting: Waiting::Nothing,
            })))
        },
    )
}

struct JoinStrings {
    sep: Vec<u8>,
    items: Gc<Vec<Value>>,
    index: usize,
    out: Vec<u8>,
    ctx: Option<Box<Context>>,
    waiting: Waiting,
}

/// What the item at `index` is waiting for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Waiting {
    Nothing,
    /// To be forced: most items are strings once forced.
    Force,
    /// To be coerced (a set with `__toString` or `outPath`, or a value
    /// that cannot be, for the error).
    Coercion,
}

impl Cont for JoinStrings {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.items);
    }
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        let mut pending = match self.waiting {
            Waiting::Nothing => None,
            Waiting::Force if !matches!(input, Value::String(_)) => {
                self.waiting = Waiting::Coercion;
                return Ok(Step::Sub(Box::new(Concat::interpolation(vec![input]))));
            }
            Waiting::Force | Waiting::Coercion => Some(input),
        };
        self.waiting = Waiting::Nothing;
        loop {
            if let Some(v) = pending.take() {
                if self.index > 0 {
                    self.out.extend_from_slice(&self.sep);
                }
                if let Value::String(s) = &v {
                    self.out.extend_from_slice(&s.bytes);
                    add_context(&mut self.ctx, &s.context);
                }
                self.index += 1;
            }
            if self.index >= self.items.len() {
                return Ok(Step::Done(Value::string_ctx(
                    std::mem::take(&mut self.out),
                    self.ctx.take(),
                )));
            }
            let item = &self.items[self.index];
            match item.whnf() {
                Some(v @ Value::String(_)) => pending = Some(v),
                Some(v) => {
                    self.waiting = Waiting::Coercion;
                    return Ok(Step::Sub(Box::new(Concat::interpolation(vec![v]))));
                }
                None => {
                    self.waiting = Waiting::Force;
                    return Ok(Step::Force(*item));
                }
            }
        }
    }
}

/// Add `from`'s context to `into`. Most strings have none: that check is
/// inlined, the merge is not.
#[inline]
fn add_context(into: &mut Option<Box<Context>>, from: &Option<Box<Context>>) {
    if let Some(c) = from {
        merge_context(into, c);
    }
}

#[inline(never)]
fn merge_context(into: &mut Option<Box<Context>>, from: &Context) {
    into.get_or_insert_with(Default::default)
        .extend(from.iter().cloned());
}

/// The last component of a path: one trailing slash is ignored, so
/// `"/a/b/"` gives `"b"` but `"/a/b//"` gives `""`.
fn base_name(p: &[u8]) -> &[u8] {
    let Some(mut last) = p.len().checked_sub(1) else {
        return p;
    };
    if p[last] == b'/' && last > 0 {
        last -= 1;
    }
    let start = p[..=last]
        .iter()
        .rposition(|&c| c == b'/')
        .map_or(0, |i| i + 1);
    // `start` is at most `last + 1`, so this is in bounds (maybe empty).
    &p[start..=last]
}

fn dir_name(p: &[u8]) -> &[u8] {
    match p.iter().rposition(|&c| c == b'/') {
        None => b".",
        Some(0) => b"/",
        Some(i) => &p[..i],
    }
}

/// `baseNameOf` and `dirOf` take a path's text as it is (no copy to the
/// store) and a string's with its context.
fn path_op(a: &[Value], f: fn(&[u8]) -> &[u8]) -> Result<PrimRet> {
    match &a[0] {
        Value::Path(p) => ok(Value::string(f(p.path.as_bytes()))),
        v => coerce_then(v, f, |f, s| {
            Ok(Value::string_ctx(f(&s.bytes).to_vec(), s.context.clone()))
        }),
    }
}

pub fn base_name_of(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    path_op(a, base_name)
}

pub fn dir_of(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    match &a[0] {
        // The directory of a path is a path.
        Value::Path(p) => ok(Value::path(
            String::from_utf8_lossy(dir_name(p.path.as_bytes())).into_owned(),
        )),
        _ => path_op(a, dir_name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_and_dir_names() {
        let b = |s: &str| String::from_utf8(base_name(s.as_bytes()).to_vec()).unwrap();
        assert_eq!(b("/a/b/"), "b");
        assert_eq!(b("/a/b//"), "");
        assert_eq!(b("/"), "");
        assert_eq!(b(""), "");
        assert_eq!(b("a"), "a");
        assert_eq!(b("a/"), "a");
        let d = |s: &str| String::from_utf8(dir_name(s.as_bytes()).to_vec()).unwrap();
        assert_eq!(d("/a/b/"), "/a/b");
        assert_eq!(d("/a"), "/");
        assert_eq!(d("a"), ".");
        assert_eq!(d(""), ".");
    }
}

//! String builtins.

use super::{int, list, ok, string, PrimRet};
use crate::error::{Error, Result};
use crate::value::{Context, NixString, Value};
use crate::vm::coerce::{Concat, Mode};
use crate::vm::{Cont, Step, Vm};
use std::rc::Rc;

pub fn to_string(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    if let Some(s) = crate::vm::coerce::to_string_fast(&a[0]) {
        return ok(s);
    }
    Ok(PrimRet::Cont(Box::new(Concat::new(
        vec![a[0].clone()],
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
                return Ok(Step::Force(v.clone()));
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
        inner: Some(Box::new(Concat::interpolation(vec![v.clone()]))),
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

pub fn substring(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    int(&a[0])?;
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
                    return Err(Error::eval("negative start position in 'substring'"));
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
                waiting: false,
            })))
        },
    )
}

struct JoinStrings {
    sep: Vec<u8>,
    items: Rc<Vec<Value>>,
    index: usize,
    out: Vec<u8>,
    ctx: Option<Box<Context>>,
    waiting: bool,
}

impl Cont for JoinStrings {
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        let mut pending = if self.waiting { Some(input) } else { None };
        self.waiting = false;
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
            let item = self.items[self.index].clone();
            match item.shallow() {
                v @ Value::String(_) => pending = Some(v),
                _ => {
                    self.waiting = true;
                    return Ok(Step::Sub(Box::new(Concat::interpolation(vec![item]))));
                }
            }
        }
    }
}

fn add_context(into: &mut Option<Box<Context>>, from: &Option<Box<Context>>) {
    if let Some(c) = from {
        into.get_or_insert_with(Default::default)
            .extend(c.iter().cloned());
    }
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

pub fn replace_strings(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let from = list(&a[0])?;
    let mut r = ReplaceStrings {
        from,
        to: None,
        to_value: a[1].clone(),
        subject: a[2].clone(),
        next: 0,
        started: false,
    };
    match r.first_unforced()? {
        None => ok(r.finish()?),
        Some(_) => Ok(PrimRet::Cont(Box::new(r))),
    }
}

/// Nix forces the `to` list, then every `from`, then every `to` (even
/// replacements that are never used), then the subject, checking the type
/// of each as it goes. One continuation does all of it: a call usually
/// has to wait for something (at least the subject).
struct ReplaceStrings {
    from: Rc<Vec<Value>>,
    to: Option<Rc<Vec<Value>>>,
    to_value: Value,
    subject: Value,
    /// The next string to check: `from`, then `to`, then the subject.
    next: usize,
    started: bool,
}

impl ReplaceStrings {
    fn item(&self, i: usize) -> Option<&Value> {
        let n = self.from.len();
        if i < n {
            self.from.get(i)
        } else if i < 2 * n {
            self.to.as_ref().and_then(|t| t.get(i - n))
        } else {
            Some(&self.subject)
        }
    }

    /// Take `to`, once forced.
    fn set_to(&mut self, v: &Value) -> Result<()> {
        let to = list(v)?;
        if to.len() != self.from.len() {
            return Err(Error::eval(
                "'from' and 'to' arguments to 'replaceStrings' have different lengths",
            ));
        }
        self.to = Some(to);
        Ok(())
    }

    /// Check what is already forced; the first thing that is not.
    fn first_unforced(&mut self) -> Result<Option<Value>> {
        if self.to.is_none() {
            if !self.to_value.is_forced() {
                return Ok(Some(self.to_value.clone()));
            }
            self.set_to(&self.to_value.shallow())?;
        }
        while self.next <= 2 * self.from.len() {
            let Some(v) = self.item(self.next) else {
                break;
            };
            if !v.is_forced() {
                return Ok(Some(v.clone()));
            }
            string(&v.shallow())?;
            self.next += 1;
        }
        Ok(None)
    }

    fn finish(&self) -> Result<Value> {
        let strings = |l: &[Value]| -> Result<Vec<Rc<NixString>>> {
            l.iter().map(|v| string(&v.shallow())).collect()
        };
        let pats = strings(&self.from)?;
        let reps = strings(self.to.as_deref().map_or(&[], |t| &t[..]))?;
        Ok(replace(&pats, &reps, &*string(&self.subject.shallow())?))
    }
}

impl Cont for ReplaceStrings {
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        if self.started {
            // `input` is what `first_unforced` asked for, now forced.
            if self.to.is_none() {
                self.set_to(&input)?;
            } else {
                string(&input)?;
                if self.next == 2 * self.from.len() {
                    self.subject = input;
                }
                self.next += 1;
            }
        }
        self.started = true;
        match self.first_unforced()? {
            Some(v) => Ok(Step::Force(v)),
            None => Ok(Step::Done(self.finish()?)),
        }
    }
}

/// At each position the patterns are tried in order; the first that
/// matches is replaced and matching goes on after it. An empty pattern
/// matches everywhere, including at the very end, and then the byte at
/// that position is kept.
fn replace(pats: &[Rc<NixString>], reps: &[Rc<NixString>], s: &NixString) -> Value {
    let input = &s.bytes;
    let mut ctx = s.context.clone();
    // Bytes at which some pattern may start; an empty pattern starts
    // anywhere.
    let mut may_start = [false; 256];
    let mut has_empty = false;
    for p in pats {
        match p.bytes.first() {
            Some(&c) => may_start[c as usize] = true,
            None => has_empty = true,
        }
    }
    let mut out = Vec::with_capacity(input.len());
    let mut pos = 0;
    while pos <= input.len() {
        if !has_empty {
            // Copy the stretch no pattern can start in.
            let skip = input[pos..]
                .iter()
                .position(|&c| may_start[c as usize])
                .unwrap_or(input.len() - pos);
            out.extend_from_slice(&input[pos..pos + skip]);
            pos += skip;
            if pos == input.len() {
                break;
            }
        }
        let rest = &input[pos..];
        match pats.iter().position(|p| rest.starts_with(&p.bytes)) {
            Some(i) => {
                out.extend_from_slice(&reps[i].bytes);
                // A replacement's context is added when it is used.
                add_context(&mut ctx, &reps[i].context);
                let n = pats[i].bytes.len();
                if n == 0 {
                    if let Some(&c) = rest.first() {
                        out.push(c);
                    }
                    pos += 1;
                } else {
                    pos += n;
                }
            }
            None => {
                if let Some(&c) = rest.first() {
                    out.push(c);
                }
                pos += 1;
            }
        }
    }
    Value::string_ctx(out, ctx)
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

    #[test]
    fn replace_algorithm() {
        let s = |x: &str| {
            Rc::new(NixString {
                bytes: x.as_bytes().into(),
                context: None,
            })
        };
        let r = |p: &[&str], t: &[&str], x: &str| {
            let p: Vec<_> = p.iter().map(|x| s(x)).collect();
            let t: Vec<_> = t.iter().map(|x| s(x)).collect();
            match replace(&p, &t, &s(x)) {
                Value::String(v) => String::from_utf8(v.bytes.to_vec()).unwrap(),
                _ => unreachable!(),
            }
        };
        assert_eq!(r(&[""], &["-"], "abc"), "-a-b-c-");
        assert_eq!(r(&["a", ""], &["X", "-"], "abc"), "X-b-c-");
        assert_eq!(r(&["ab", "a"], &["X", "Y"], "aab"), "YX");
        assert_eq!(r(&[""], &["x"], ""), "x");
        assert_eq!(r(&["b"], &["xx"], "abcb"), "axxcxx");
    }
}

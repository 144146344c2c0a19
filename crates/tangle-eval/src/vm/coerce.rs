//! String coercion: interpolation (`"${x}"`), `toString`, and `+` on strings.
//!
//! Interpolation accepts strings, paths and sets with `__toString` or
//! `outPath`; `toString` also accepts numbers, Booleans, null and lists.
//! Calling `__toString` re-enters Nix code, so coercion runs as a
//! continuation with a work list.

use super::{Cont, Step, Vm};
use crate::compiler::canon_path;
use crate::error::{Error, Result};
#[allow(unused_imports)]
use crate::gc::{Trace, Tracer};
use crate::source::Pos;
use crate::value::{Context, Value};

/// Concatenate interpolated parts when all are plain strings.
pub fn interpolate_fast(parts: &[Value]) -> Option<Value> {
    if let [Value::String(a), Value::String(b)] = parts {
        // The common `"prefix${name}"`: one allocation for the bytes.
        if a.context.is_none() && b.context.is_none() {
            let mut bytes = Vec::with_capacity(a.bytes.len() + b.bytes.len());
            bytes.extend_from_slice(&a.bytes);
            bytes.extend_from_slice(&b.bytes);
            return Some(Value::string(bytes));
        }
    }
    let mut len = 0;
    let mut has_ctx = false;
    for p in parts {
        match p {
            Value::String(s) => {
                len += s.bytes.len();
                has_ctx |= s.context.is_some();
            }
            _ => return None,
        }
    }
    let mut bytes = Vec::with_capacity(len);
    let mut ctx: Option<Box<Context>> = None;
    for p in parts {
        if let Value::String(s) = p {
            bytes.extend_from_slice(&s.bytes);
            if has_ctx {
                if let Some(c) = &s.context {
                    ctx.get_or_insert_with(Default::default)
                        .extend(c.iter().cloned());
                }
            }
        }
    }
    Some(Value::string_ctx(bytes, ctx))
}

/// Path interpolation: `./a/${x}` — parts are joined as text (paths are not
/// copied to the store) and the result is normalised.
pub fn interpolate_path(parts: &[Value]) -> Result<Value> {
    let mut s = String::new();
    for p in parts {
        match p {
            Value::String(x) => {
                if x.context.is_some() {
                    return Err(Error::eval(
                        "a string that refers to a store path cannot be appended to a path",
                    ));
                }
                s.push_str(&x.as_str_lossy())
            }
            Value::Path(x) => s.push_str(&x.path),
            other => return Err(crate::error::type_error::cannot_coerce(other)),
        }
    }
    Ok(Value::path(canon_path(&s)))
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `"${x}"` and `+`: strings, paths, coercible sets.
    Interpolation,
    /// `builtins.toString`: also numbers, Booleans, null, lists.
    ToString,
    /// A derivation attribute: what `toString` accepts, but paths are
    /// copied to the store as in interpolation.
    Derivation,
}

impl Mode {
    /// Numbers, Booleans, null and lists are accepted too.
    fn coerces_more(self) -> bool {
        self != Mode::Interpolation
    }
}

enum Item {
    Value(Value),
    /// A space after a list element, unless it was an empty list.
    SepAfter(Value),
}

/// Coerce values to strings and concatenate them.
pub struct Concat {
    work: Vec<Item>,
    out: Vec<u8>,
    ctx: Option<Box<Context>>,
    mode: Mode,
    /// Calling `__toString`: the next input is its result.
    awaiting_call: bool,
    /// Interpolation copies paths to the store, except on the right of
    /// `path + x`.
    copy_paths: bool,
    /// Where each part starts (empty if unknown): a part that cannot be
    /// coerced is reported there.
    part_pos: Vec<Pos>,
    /// The parts not started yet are `work[..parts_left]`.
    parts_left: usize,
    /// The part being coerced.
    part: usize,
}

impl Concat {
    pub fn new(parts: Vec<Value>, mode: Mode) -> Concat {
        let parts_left = parts.len();
        Concat {
            work: parts.into_iter().rev().map(Item::Value).collect(),
            out: Vec::new(),
            ctx: None,
            mode,
            awaiting_call: false,
            copy_paths: true,
            part_pos: Vec::new(),
            parts_left,
            part: 0,
        }
    }

    /// Report a part that cannot be coerced at `starts[i]` (one per part).
    pub fn at_parts(mut self, starts: Vec<Pos>) -> Concat {
        if starts.len() == self.parts_left {
            self.part_pos = starts;
        }
        self
    }

    pub fn interpolation(parts: Vec<Value>) -> Concat {
        Concat::new(parts, Mode::Interpolation)
    }
}

/// Text of a path when it is coerced to a string: `toString` keeps the
/// path; interpolation and derivation attributes copy it to the store
/// (computing the store path only) and record it in the context.
fn path_to_string(
    vm: &mut Vm,
    path: &str,
    mode: Mode,
    ctx: &mut Option<Box<Context>>,
) -> Result<String> {
    match mode {
        Mode::ToString => Ok(path.to_string()),
        Mode::Interpolation | Mode::Derivation => {
            let io = vm.io.clone();
            let p = vm.store.copy_path(io.as_ref(), path)?;
            ctx.get_or_insert_with(Default::default).insert(p.clone());
            Ok(p)
        }
    }
}

/// `toString` of a value that needs no evaluation and no store: a
/// string, number, Boolean, null or path (None for anything else).
pub fn to_string_fast(v: &Value) -> Option<Value> {
    Some(match v {
        Value::String(_) => *v,
        Value::Int(i) => {
            let mut buf = [0u8; 20];
            Value::string(int_text(*i, &mut buf))
        }
        Value::Float(f) => Value::string(format_float_to_string(*f)),
        Value::Bool(true) => Value::string("1"),
        Value::Bool(false) | Value::Null => Value::string(""),
        Value::Path(p) => Value::string(p.path.as_str()),
        _ => return None,
    })
}

/// The decimal text of an integer, written into `buf` (20 bytes hold
/// every `i64`, sign included).
pub fn int_text(i: i64, buf: &mut [u8; 20]) -> &[u8] {
    let mut n = i.unsigned_abs();
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    &buf[at..]
}

pub fn format_float_to_string(f: f64) -> String {
    // C++ std::to_string: "%f".
    format!("{:.6}", f)
}

impl Cont for Concat {
    fn trace(&self, t: &mut Tracer) {
        for w in &self.work {
            match w {
                Item::Value(v) | Item::SepAfter(v) => v.trace(t),
            }
        }
    }
    fn resume(&mut self, vm: &mut Vm, input: Value) -> Result<Step> {
        self.step(vm, input).map_err(|e| {
            let at = self.part_pos.get(self.part).cloned();
            e.at(at)
        })
    }
}

impl Concat {
    fn step(&mut self, vm: &mut Vm, input: Value) -> Result<Step> {
        if self.awaiting_call {
            self.awaiting_call = false;
            self.work.push(Item::Value(input));
        }
        while let Some(item) = self.work.pop() {
            if self.work.len() < self.parts_left {
                // One of the parts themselves (not something it led to).
                self.parts_left = self.work.len();
                self.part = self.part_pos.len().saturating_sub(self.parts_left + 1);
            }
            let v = match item {
                Item::SepAfter(v) => {
                    let empty_list = matches!(v.shallow(), Value::List(l) if l.is_empty());
                    if !empty_list {
                        self.out.push(b' ');
                    }
                    continue;
                }
                Item::Value(v) => v,
            };
            if !v.is_forced() {
                self.work.push(Item::Value(v));
                return Ok(Step::Force(v));
            }
            match v.shallow() {
                Value::String(s) => {
                    self.out.extend_from_slice(&s.bytes);
                    if let Some(c) = &s.context {
                        self.ctx
                            .get_or_insert_with(Default::default)
                            .extend(c.iter().cloned());
                    }
                }
                Value::Path(p) => {
                    let mode = if self.copy_paths {
                        self.mode
                    } else {
                        Mode::ToString
                    };
                    let text = path_to_string(vm, &p.path, mode, &mut self.ctx)?;
                    self.out.extend_from_slice(text.as_bytes())
                }
                Value::Attrs(a) => {
                    if let Some(f) = a.get_str("__toString") {
                        self.awaiting_call = true;
                        return Ok(Step::Sub(Box::new(super::deep::CallOnce::new(
                            *f,
                            Value::Attrs(a),
                        ))));
                    }
                    if let Some(p) = a.get_str("outPath") {
                        self.work.push(Item::Value(*p));
                        continue;
                    }
                    return Err(crate::error::type_error::cannot_coerce(&Value::Attrs(a)));
                }
                Value::Int(i) if self.mode.coerces_more() => {
                    let mut buf = [0u8; 20];
                    self.out.extend_from_slice(int_text(i, &mut buf))
                }
                Value::Float(f) if self.mode.coerces_more() => self
                    .out
                    .extend_from_slice(format_float_to_string(f).as_bytes()),
                Value::Bool(b) if self.mode.coerces_more() => {
                    if b {
                        self.out.push(b'1');
                    }
                }
                Value::Null if self.mode.coerces_more() => {}
                Value::List(l) if self.mode.coerces_more() => {
                    let n = l.len();
                    for (i, e) in l.iter().enumerate().rev() {
                        if i + 1 < n {
                            self.work.push(Item::SepAfter(*e));
                        }
                        self.work.push(Item::Value(*e));
                    }
                }
                other => return Err(crate::error::type_error::cannot_coerce(&other)),
            }
        }
        Ok(Step::Done(Value::string_ctx(
            std::mem::take(&mut self.out),
            self.ctx.take(),
        )))
    }
}

/// `path + x` where `x` needs coercion (a set with `__toString` or
/// `outPath`, or a value that cannot be coerced, for the error): `x`
/// becomes a string without copying anything to the store, then the path
/// is extended with it.
pub struct PathAppend {
    base: String,
    inner: Option<Box<Concat>>,
}

impl PathAppend {
    /// `rhs_at`: where the right operand starts, for its error.
    pub fn new(base: String, rhs: Value, rhs_at: Option<Pos>) -> PathAppend {
        let mut inner = Concat::new(vec![rhs], Mode::Interpolation);
        inner.copy_paths = false;
        if let Some(at) = rhs_at {
            inner = inner.at_parts(vec![at]);
        }
        PathAppend {
            base,
            inner: Some(Box::new(inner)),
        }
    }
}

impl Cont for PathAppend {
    fn trace(&self, t: &mut Tracer) {
        if let Some(c) = &self.inner {
            c.trace(t);
        }
    }
    fn resume(&mut self, _vm: &mut Vm, input: Value) -> Result<Step> {
        if let Some(c) = self.inner.take() {
            return Ok(Step::Sub(c));
        }
        interpolate_path(&[Value::path(std::mem::take(&mut self.base)), input]).map(Step::Done)
    }
}

#[cfg(test)]
mod tests {
    use super::int_text;

    #[test]
    fn int_text_is_decimal() {
        for i in [
            0,
            1,
            -1,
            9,
            10,
            -10,
            12345,
            i64::MAX,
            i64::MIN,
            i64::MIN + 1,
        ] {
            let mut buf = [0u8; 20];
            assert_eq!(int_text(i, &mut buf), i.to_string().as_bytes());
        }
    }
}

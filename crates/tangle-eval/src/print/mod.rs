//! Printing values exactly as `nix-instantiate --eval` does, and JSON.
//!
//! Printing walks the value with an explicit work list, so a deeply nested
//! value cannot overflow the native stack.

pub mod error_value;
pub mod terminal;
pub mod xml;

use crate::error::{Error, ErrorKind, Result};
use crate::gc::{Gc, Trace, Tracer};
use crate::symbol::Symbol;
use crate::value::{Attrs, Context, ThunkState, Value};
use crate::vm::deep::CallOnce;
use crate::vm::{Cont, Step, Vm};
use std::collections::HashSet;
use std::fmt::Write;

/// C's `%g` (what C++ streams print doubles as by default).
pub fn format_float(f: f64) -> String {
    if f.is_nan() {
        return if f.is_sign_negative() { "-nan" } else { "nan" }.to_string();
    }
    if f.is_infinite() {
        return if f < 0.0 { "-inf" } else { "inf" }.to_string();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0" } else { "0" }.to_string();
    }
    const P: i32 = 6;
    let sci = format!("{:.*e}", (P - 1) as usize, f);
    // sci looks like "-1.23450e5"
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if !(-4..P).contains(&exp) {
        let mant = strip_zeros(mant);
        format!(
            "{}e{}{:02}",
            mant,
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    } else {
        // `%g` then prints the same six significant digits in fixed
        // notation: place the decimal point from the exponent.
        let (sign, mant) = match mant.strip_prefix('-') {
            Some(m) => ("-", m),
            None => ("", mant),
        };
        let digits: String = mant.chars().filter(|c| *c != '.').collect();
        let mut out = String::with_capacity(16);
        out.push_str(sign);
        if exp >= 0 {
            // `digits` has P digits and exp < P, so the point is inside.
            let point = (exp + 1) as usize;
            out.push_str(&digits[..point]);
            out.push('.');
            out.push_str(&digits[point..]);
        } else {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.push_str(&digits);
        }
        strip_zeros(&out).to_string()
    }
}

fn strip_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

pub fn escape_string(bytes: &[u8], out: &mut Vec<u8>) {
    escape_string_prefix(bytes, usize::MAX, out)
}

/// [`escape_string`] of the first `max` bytes only (error messages cut long
/// strings); a `$` at the cut is still escaped if `{` follows it, as in Nix.
pub fn escape_string_prefix(bytes: &[u8], max: usize, out: &mut Vec<u8>) {
    out.push(b'"');
    for (i, &b) in bytes.iter().enumerate().take(max) {
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'$' if bytes.get(i + 1) == Some(&b'{') => out.extend_from_slice(b"\\$"),
            _ => out.push(b),
        }
    }
    out.push(b'"');
}

/// An attribute name as current Nix prints it: bare if it is an
/// identifier that is no keyword, else a string literal (2.8 quoted only
/// the keyword `if`, and escaped every `$`).
fn print_attr_name(name: Symbol, out: &mut Vec<u8>) {
    let s = name.as_str();
    if error_value::is_var_name(s) {
        out.extend_from_slice(s.as_bytes());
    } else {
        escape_string(s.as_bytes(), out);
    }
}

/// [`print_attr_name`] as text, for messages naming an attribute
/// ("attribute '"in"' missing").
pub fn attr_name_text(name: &str) -> std::borrow::Cow<'_, str> {
    if error_value::is_var_name(name) {
        std::borrow::Cow::Borrowed(name)
    } else {
        let mut out = Vec::with_capacity(name.len() + 2);
        escape_string(name.as_bytes(), &mut out);
        std::borrow::Cow::Owned(String::from_utf8_lossy(&out).into_owned())
    }
}

enum Task {
    Value(Value),
    Text(&'static str),
    Key(Symbol),
}

/// Print a value as `nix-instantiate --eval` does (`--strict` callers force
/// it deeply first; anything unforced prints as `<CODE>`).
pub fn print_value(v: &Value, out: &mut Vec<u8>) {
    let mut seen: HashSet<usize> = HashSet::new();
    let mut work = vec![Task::Value(*v)];
    while let Some(task) = work.pop() {
        let v = match task {
            Task::Text(t) => {
                out.extend_from_slice(t.as_bytes());
                continue;
            }
            Task::Key(k) => {
                print_attr_name(k, out);
                out.extend_from_slice(b" = ");
                continue;
            }
            Task::Value(v) => v,
        };
        let v = match &v {
            Value::Thunk(t) => match &t.state() {
                ThunkState::Done(x) => *x,
                _ => {
                    out.extend_from_slice(b"<CODE>");
                    continue;
                }
            },
            _ => v,
        };
        match &v {
            Value::Null => out.extend_from_slice(b"null"),
            Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
            Value::Int(i) => {
                let _ = write!(Utf8Sink(out), "{}", i);
            }
            Value::Float(f) => out.extend_from_slice(format_float(*f).as_bytes()),
            Value::String(s) => escape_string(&s.bytes, out),
            Value::Path(p) => out.extend_from_slice(p.path.as_bytes()),
            Value::Closure(_) => out.extend_from_slice(b"<LAMBDA>"),
            Value::PrimOp(_) => out.extend_from_slice(b"<PRIMOP>"),
            Value::PrimOpApp(_) => out.extend_from_slice(b"<PRIMOP-APP>"),
            Value::Thunk(_) => out.extend_from_slice(b"<CODE>"),
            Value::List(l) => {
                if !l.is_empty() && !seen.insert(Gc::as_ptr(l) as *const u8 as usize) {
                    out.extend_from_slice("«repeated»".as_bytes());
                    continue;
                }
                out.extend_from_slice(b"[ ");
                work.push(Task::Text("]"));
                for e in l.iter().rev() {
                    work.push(Task::Text(" "));
                    work.push(Task::Value(*e));
                }
            }
            Value::Attrs(a) => {
                if !a.is_empty() && !seen.insert(Gc::as_ptr(a) as *const u8 as usize) {
                    out.extend_from_slice("«repeated»".as_bytes());
                    continue;
                }
                out.extend_from_slice(b"{ ");
                work.push(Task::Text("}"));
                for (k, e) in a.entries().iter().rev() {
                    work.push(Task::Text("; "));
                    work.push(Task::Value(*e));
                    work.push(Task::Key(*k));
                }
            }
        }
    }
}

struct Utf8Sink<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Utf8Sink<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// A value printed without forcing anything (for `trace`).
pub fn print_lazy(v: &Value) -> String {
    let mut out = Vec::new();
    print_value(v, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// A JSON string literal, as Nix writes one: `"`, `\\` and control
/// characters escaped, every other byte (also non-UTF-8 and DEL) as is.
pub fn json_escape(bytes: &[u8], out: &mut Vec<u8>) {
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut plain = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.extend_from_slice(&bytes[plain..i]);
        plain = i + 1;
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            c => {
                let _ = write!(Utf8Sink(out), "\\u{:04x}", c);
            }
        }
    }
    out.extend_from_slice(&bytes[plain..]);
    out.push(b'"');
}

/// Current Nix's error for a string `toJSON` cannot write, as its JSON
/// library words it: the first byte that cannot continue a UTF-8
/// sequence (with its index), or the last byte of a string that ends
/// inside one. None if the bytes are UTF-8.
pub fn json_utf8_error(bytes: &[u8]) -> Option<String> {
    // The continuation bytes still expected, and the range the next one
    // must be in.
    let mut need = 0;
    let mut range = (0x80u8, 0xBFu8);
    for (i, &b) in bytes.iter().enumerate() {
        let ok = if need > 0 {
            let fits = (range.0..=range.1).contains(&b);
            need -= 1;
            range = (0x80, 0xBF);
            fits
        } else {
            match b {
                0x00..=0x7F => true,
                0xC2..=0xDF => {
                    need = 1;
                    true
                }
                0xE0 => {
                    (need, range) = (2, (0xA0, 0xBF));
                    true
                }
                0xE1..=0xEC | 0xEE..=0xEF => {
                    need = 2;
                    true
                }
                0xED => {
                    (need, range) = (2, (0x80, 0x9F));
                    true
                }
                0xF0 => {
                    (need, range) = (3, (0x90, 0xBF));
                    true
                }
                0xF1..=0xF3 => {
                    need = 3;
                    true
                }
                0xF4 => {
                    (need, range) = (3, (0x80, 0x8F));
                    true
                }
                _ => false,
            }
        };
        if !ok {
            return Some(format!(
                "JSON serialization error: [json.exception.type_error.316] invalid UTF-8 byte at index {}: 0x{:02X}",
                i, b
            ));
        }
    }
    match (need, bytes.last()) {
        (0, _) | (_, None) => None,
        (_, Some(last)) => Some(format!(
            "JSON serialization error: [json.exception.type_error.316] incomplete UTF-8 string; last byte: 0x{:02X}",
            last
        )),
    }
}

/// The lists and sets a printer is inside of, from the root down to the
/// value being printed. Printing an infinite value must end in an error,
/// not in exhausting memory: entering a container that is already open
/// (`let x = { a = x; }; in x`) is a cycle, reported with Nix's words for
/// it, and any other endless nesting stops at the call depth limit.
/// Containers are known by address, so the caller keeps each one alive
/// while it is open.
#[derive(Default)]
pub(crate) struct OpenPath {
    open: rustc_hash::FxHashSet<usize>,
}

/// The address of a list's or set's contents.
pub(crate) fn address<T: crate::gc::Trace>(g: &Gc<T>) -> usize {
    Gc::as_ptr(g) as *const u8 as usize
}

fn cycle_error() -> Error {
    Error::new(
        ErrorKind::StackOverflow,
        "stack overflow (possible infinite recursion)",
    )
}

fn depth_error() -> Error {
    Error::new(
        ErrorKind::StackOverflow,
        "stack overflow; max-call-depth exceeded",
    )
}

impl OpenPath {
    pub(crate) fn enter(&mut self, addr: usize, max_depth: usize) -> Result<()> {
        if !self.open.insert(addr) {
            return Err(cycle_error());
        }
        if self.open.len() >= max_depth {
            return Err(depth_error());
        }
        Ok(())
    }

    pub(crate) fn leave(&mut self, addr: usize) {
        self.open.remove(&addr);
    }
}

/// Decimal digits of an integer, without going through `fmt`.
fn write_int(i: i64, out: &mut Vec<u8>) {
    let mut buf = [0u8; 20];
    out.extend_from_slice(crate::vm::coerce::int_text(i, &mut buf));
}

enum JsonTask {
    Value(Value),
    /// A set's `__toString` result (or what it leads to), to be written as
    /// a string.
    Coerce(Value),
    /// A list being written, from this element on.
    List(Gc<Vec<Value>>, usize),
    /// A set being written, from this attribute on.
    Attrs(Gc<Attrs>, usize),
}

/// Convert a value to JSON text, forcing as it goes (`force`: false makes an
/// unforced thunk an error, as `nix-instantiate --json` without `--strict`).
/// The result carries the context of every string written.
///
/// A set with `__toString` becomes the string that function returns; the
/// result is coerced as Nix does there: strings, paths (their text, not
/// copied to the store) and sets with `__toString`/`outPath`, nothing else.
/// Otherwise a set with `outPath` becomes its `outPath`, converted.
pub struct ToJson {
    work: Vec<JsonTask>,
    out: Vec<u8>,
    force: bool,
    ctx: Option<Box<Context>>,
    /// Waiting for a `__toString` call's result.
    awaiting_call: bool,
    /// Lists and sets open around the current value.
    open: OpenPath,
    /// The sets passed through by following `outPath` or `__toString` to
    /// reach the current value (a set whose `outPath` is itself would
    /// otherwise never end), and whether the current value was reached so.
    chain: rustc_hash::FxHashSet<usize>,
    /// Keeps the sets in `chain` alive, so their addresses stay theirs.
    chain_sets: Vec<Gc<Attrs>>,
    hopping: bool,
    to_string: Symbol,
    out_path: Symbol,
    /// The first string written that is not UTF-8 (`json_utf8_error`):
    /// current Nix refuses it when the whole value has been evaluated.
    not_utf8: Option<String>,
    /// Current Nix says "JSON serialization error: " before that error,
    /// except in a derivation's `__json`.
    serialization_prefix: bool,
}

impl ToJson {
    pub fn new(v: Value, force: bool) -> ToJson {
        ToJson {
            work: vec![JsonTask::Value(v)],
            out: Vec::new(),
            force,
            ctx: None,
            awaiting_call: false,
            open: OpenPath::default(),
            chain: Default::default(),
            chain_sets: Vec::new(),
            hopping: false,
            to_string: Symbol::new("__toString"),
            out_path: Symbol::new("outPath"),
            not_utf8: None,
            serialization_prefix: true,
        }
    }

    /// The writer of a derivation's `__json` (structured attributes),
    /// whose error for a string that is not UTF-8 current Nix words
    /// without "JSON serialization error: ".
    pub fn for_structured_attrs(v: Value) -> ToJson {
        ToJson {
            serialization_prefix: false,
            ..ToJson::new(v, true)
        }
    }

    /// Write a string (a value or a key), noting the first that is not
    /// UTF-8.
    fn write_string(&mut self, bytes: &[u8]) {
        if self.not_utf8.is_none() && std::str::from_utf8(bytes).is_err() {
            self.not_utf8 = json_utf8_error(bytes);
        }
        json_escape(bytes, &mut self.out);
    }

    fn add_context(&mut self, s: &crate::value::NixString) {
        if let Some(c) = &s.context {
            self.ctx
                .get_or_insert_with(Default::default)
                .extend(c.iter().cloned());
        }
    }

    /// Go on from a set to its `outPath` or `__toString`.
    fn hop(&mut self, set: &Gc<Attrs>, max_depth: usize) -> Result<()> {
        self.chain_sets.push(*set);
        if !self.chain.insert(address(set)) {
            return Err(cycle_error());
        }
        if self.chain.len() >= max_depth {
            return Err(depth_error());
        }
        self.hopping = true;
        Ok(())
    }

    fn call_to_string(&mut self, f: &Value, set: &Gc<Attrs>, max_depth: usize) -> Result<Step> {
        self.hop(set, max_depth)?;
        self.awaiting_call = true;
        Ok(Step::Sub(Box::new(CallOnce::new(*f, Value::Attrs(*set)))))
    }

    /// Write a `__toString` result: Some(step) if the VM must act first.
    fn coerce(&mut self, v: Value, max_depth: usize) -> Result<Option<Step>> {
        match &v {
            Value::String(s) => {
                self.write_string(&s.bytes);
                self.add_context(s);
            }
            Value::Path(p) => json_escape(p.path.as_bytes(), &mut self.out),
            Value::Attrs(a) => {
                if let Some(f) = a.get(self.to_string) {
                    return self.call_to_string(f, a, max_depth).map(Some);
                }
                match a.get(self.out_path) {
                    Some(p) => {
                        let p = *p;
                        self.hop(a, max_depth)?;
                        self.work.push(JsonTask::Coerce(p));
                    }
                    None => return Err(crate::error::type_error::cannot_coerce(&v)),
                }
            }
            other => return Err(crate::error::type_error::cannot_coerce(other)),
        }
        Ok(None)
    }

    /// Write an element that is (or whose thunk holds) a null, Boolean,
    /// number or string, without touching reference counts: the common
    /// case. False for anything else.
    fn scalar(&mut self, v: &Value) -> bool {
        match v {
            Value::Thunk(t) => match &t.state() {
                ThunkState::Done(x) if !matches!(x, Value::Thunk(_)) => self.scalar(x),
                _ => false,
            },
            Value::Null => {
                self.out.extend_from_slice(b"null");
                true
            }
            Value::Bool(b) => {
                self.out
                    .extend_from_slice(if *b { b"true" } else { b"false" });
                true
            }
            Value::Int(i) => {
                write_int(*i, &mut self.out);
                true
            }
            Value::Float(f) => {
                self.out.extend_from_slice(format_float(*f).as_bytes());
                true
            }
            Value::String(s) => {
                self.write_string(&s.bytes);
                self.add_context(s);
                true
            }
            _ => false,
        }
    }

    /// Write a value in weak head normal form: Some(step) if the VM must
    /// act first.
    fn value(&mut self, v: Value, max_depth: usize) -> Result<Option<Step>> {
        match v {
            Value::Null => self.out.extend_from_slice(b"null"),
            Value::Bool(b) => self
                .out
                .extend_from_slice(if b { b"true" } else { b"false" }),
            Value::Int(i) => write_int(i, &mut self.out),
            Value::Float(f) => self.out.extend_from_slice(format_float(f).as_bytes()),
            Value::String(s) => {
                self.write_string(&s.bytes);
                self.add_context(&s);
            }
            Value::Path(_) => {
                return Err(Error::eval(
                    "internal error: paths are copied to the store before printing",
                ))
            }
            Value::List(l) => {
                if l.is_empty() {
                    self.out.extend_from_slice(b"[]");
                } else {
                    self.open.enter(address(&l), max_depth)?;
                    self.out.push(b'[');
                    self.work.push(JsonTask::List(l, 0));
                }
            }
            Value::Attrs(a) => {
                if let Some(f) = a.get(self.to_string) {
                    return self.call_to_string(f, &a, max_depth).map(Some);
                }
                if let Some(p) = a.get(self.out_path) {
                    let p = *p;
                    self.hop(&a, max_depth)?;
                    self.work.push(JsonTask::Value(p));
                } else if a.is_empty() {
                    self.out.extend_from_slice(b"{}");
                } else {
                    self.open.enter(address(&a), max_depth)?;
                    self.out.push(b'{');
                    self.work.push(JsonTask::Attrs(a, 0));
                }
            }
            Value::Closure(_) | Value::PrimOp(_) | Value::PrimOpApp(_) => {
                // Nix reports a lambda where it is defined, and records a
                // trace entry on the way out (hence the `--show-trace`
                // hint).
                let mut e = Error::eval(format!("cannot convert {} to JSON", v.show_type()));
                if let Value::Closure(c) = &v {
                    e = e.at(Some(crate::source::Pos {
                        source: c.lambda.source.clone(),
                        offset: c.lambda.offset,
                    }));
                }
                e.trace_hint = true;
                return Err(e);
            }
            Value::Thunk(_) => return Err(Error::eval("cannot convert a thunk to JSON")),
        }
        Ok(None)
    }
}

impl Cont for ToJson {
    fn trace(&self, t: &mut Tracer) {
        for w in &self.work {
            match w {
                JsonTask::Value(v) | JsonTask::Coerce(v) => v.trace(t),
                JsonTask::List(l, _) => t.mark(*l),
                JsonTask::Attrs(a, _) => t.mark(*a),
            }
        }
        self.chain_sets.trace(t);
    }
    fn resume(&mut self, vm: &mut Vm, input: Value) -> Result<Step> {
        if self.awaiting_call {
            self.awaiting_call = false;
            self.work.push(JsonTask::Coerce(input));
        }
        let max_depth = vm.options.max_call_depth;
        while let Some(task) = self.work.pop() {
            let (v, coerce) = match task {
                JsonTask::List(l, i) => match l.get(i) {
                    None => {
                        self.out.push(b']');
                        self.open.leave(address(&l));
                        continue;
                    }
                    Some(e) => {
                        if i > 0 {
                            self.out.push(b',');
                        }
                        if self.scalar(e) {
                            self.work.push(JsonTask::List(l, i + 1));
                            continue;
                        }
                        let e = *e;
                        self.work.push(JsonTask::List(l, i + 1));
                        (e, false)
                    }
                },
                JsonTask::Attrs(a, i) => match a.entries().get(i) {
                    None => {
                        self.out.push(b'}');
                        self.open.leave(address(&a));
                        continue;
                    }
                    Some((k, e)) => {
                        if i > 0 {
                            self.out.push(b',');
                        }
                        self.write_string(k.as_str().as_bytes());
                        self.out.push(b':');
                        if self.scalar(e) {
                            self.work.push(JsonTask::Attrs(a, i + 1));
                            continue;
                        }
                        let e = *e;
                        self.work.push(JsonTask::Attrs(a, i + 1));
                        (e, false)
                    }
                },
                JsonTask::Value(v) => (v, false),
                JsonTask::Coerce(v) => (v, true),
            };
            let v = match v.whnf() {
                Some(x) => x,
                None => {
                    if !self.force && !coerce {
                        return Err(Error::eval("cannot convert a thunk to JSON"));
                    }
                    self.work.push(if coerce {
                        JsonTask::Coerce(v)
                    } else {
                        JsonTask::Value(v)
                    });
                    return Ok(Step::Force(v));
                }
            };
            if !self.hopping && !self.chain.is_empty() {
                self.chain.clear();
                self.chain_sets.clear();
            }
            self.hopping = false;
            let step = if coerce {
                self.coerce(v, max_depth)?
            } else if let Value::Path(p) = &v {
                // Paths are copied to the store; the JSON holds the store
                // path, and the result refers to it.
                let io = vm.io.clone();
                let stored = vm.store.copy_path(io.as_ref(), &p.path)?;
                json_escape(stored.as_bytes(), &mut self.out);
                self.ctx.get_or_insert_with(Default::default).insert(stored);
                None
            } else {
                self.value(v, max_depth)?
            };
            if let Some(step) = step {
                return Ok(step);
            }
        }
        if let Some(message) = self.not_utf8.take() {
            let message = match self.serialization_prefix {
                true => message,
                false => message.replacen("JSON serialization error: ", "", 1),
            };
            return Err(Error::eval(message).positionless());
        }
        Ok(Step::Done(Value::string_ctx(
            std::mem::take(&mut self.out),
            self.ctx.take(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::format_float;

    #[test]
    fn json_utf8_errors_are_worded_as_nlohmann_json_words_them() {
        use super::json_utf8_error as e;
        assert_eq!(e("é☃😀".as_bytes()), None);
        let tail = |s: Option<String>| s.unwrap_or_default().rsplit("] ").next().map(String::from);
        assert_eq!(
            tail(e(b"ab\xC3")),
            Some("incomplete UTF-8 string; last byte: 0xC3".into())
        );
        assert_eq!(
            tail(e(b"ab\xA9xyz")),
            Some("invalid UTF-8 byte at index 2: 0xA9".into())
        );
        assert_eq!(
            tail(e(b"ab\xC3xyz")),
            Some("invalid UTF-8 byte at index 3: 0x78".into())
        );
        // Surrogates and overlong forms are not UTF-8.
        assert_eq!(
            tail(e(b"\xED\xA0\x80")),
            Some("invalid UTF-8 byte at index 1: 0xA0".into())
        );
        assert_eq!(
            tail(e(b"\xC0\x80")),
            Some("invalid UTF-8 byte at index 0: 0xC0".into())
        );
    }

    #[test]
    fn floats_print_like_printf_g() {
        assert_eq!(format_float(1.0), "1");
        assert_eq!(format_float(100000.0), "100000");
        assert_eq!(format_float(1000000.0), "1e+06");
        assert_eq!(format_float(123456789.123), "1.23457e+08");
        assert_eq!(format_float(1.0e-5), "1e-05");
        assert_eq!(format_float(0.0001), "0.0001");
        assert_eq!(format_float(0.1 + 0.2), "0.3");
        assert_eq!(format_float(1.0 / 3.0), "0.333333");
        assert_eq!(format_float(-0.0), "-0");
        assert_eq!(format_float(999999.5), "1e+06");
    }
}

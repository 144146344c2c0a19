//! Printing values exactly as `nix-instantiate --eval` does, and JSON.
//!
//! Printing walks the value with an explicit work list, so a deeply nested
//! value cannot overflow the native stack.

pub mod xml;

use crate::error::{Error, Result};
use crate::symbol::Symbol;
use crate::value::{ThunkState, Value};
use crate::vm::coerce::Concat;
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
        let decimals = (P - 1 - exp).max(0) as usize;
        strip_zeros(&format!("{:.*}", decimals, f)).to_string()
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
    out.push(b'"');
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'$' if bytes.get(i + 1) == Some(&b'{') => {
                out.extend_from_slice(b"\\${");
                i += 1;
            }
            _ => out.push(b),
        }
        i += 1;
    }
    out.push(b'"');
}

fn is_plain_identifier(name: &str) -> bool {
    let b = name.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii_alphabetic() || *c == b'_' => {}
        _ => return false,
    }
    name != "if"
        && b[1..]
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'\'' | b'-'))
}

fn print_attr_name(name: Symbol, out: &mut Vec<u8>) {
    let s = name.as_str();
    if is_plain_identifier(s) {
        out.extend_from_slice(s.as_bytes());
        return;
    }
    out.push(b'"');
    for &b in s.as_bytes() {
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'$' => out.extend_from_slice(b"\\$"),
            _ => out.push(b),
        }
    }
    out.push(b'"');
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
    let mut work = vec![Task::Value(v.clone())];
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
            Value::Thunk(t) => match &*t.state.borrow() {
                ThunkState::Done(x) => x.clone(),
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
                if !l.is_empty() && !seen.insert(std::rc::Rc::as_ptr(l) as *const u8 as usize) {
                    out.extend_from_slice("«repeated»".as_bytes());
                    continue;
                }
                out.extend_from_slice(b"[ ");
                work.push(Task::Text("]"));
                for e in l.iter().rev() {
                    work.push(Task::Text(" "));
                    work.push(Task::Value(e.clone()));
                }
            }
            Value::Attrs(a) => {
                if !a.is_empty() && !seen.insert(std::rc::Rc::as_ptr(a) as *const u8 as usize) {
                    out.extend_from_slice("«repeated»".as_bytes());
                    continue;
                }
                out.extend_from_slice(b"{ ");
                work.push(Task::Text("}"));
                for (k, e) in a.entries.iter().rev() {
                    work.push(Task::Text("; "));
                    work.push(Task::Value(e.clone()));
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

pub fn json_escape(bytes: &[u8], out: &mut Vec<u8>) {
    out.push(b'"');
    for &b in bytes {
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            c if c < 0x20 => {
                let _ = write!(Utf8Sink(out), "\\u{:04x}", c);
            }
            c => out.push(c),
        }
    }
    out.push(b'"');
}

enum JsonTask {
    Value(Value),
    Text(&'static str),
    Key(Symbol),
}

/// Convert a value to JSON text, forcing as it goes (`force`: false makes an
/// unforced thunk an error, as `nix-instantiate --json` without `--strict`).
pub struct ToJson {
    work: Vec<JsonTask>,
    out: Vec<u8>,
    force: bool,
    /// Waiting for a set's `__toString` coercion result.
    awaiting_string: bool,
}

impl ToJson {
    pub fn new(v: Value, force: bool) -> ToJson {
        ToJson {
            work: vec![JsonTask::Value(v)],
            out: Vec::new(),
            force,
            awaiting_string: false,
        }
    }
}

impl Cont for ToJson {
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        if self.awaiting_string {
            self.awaiting_string = false;
            if let Value::String(s) = &input {
                json_escape(&s.bytes, &mut self.out);
            }
        }
        while let Some(task) = self.work.pop() {
            let v = match task {
                JsonTask::Text(t) => {
                    self.out.extend_from_slice(t.as_bytes());
                    continue;
                }
                JsonTask::Key(k) => {
                    json_escape(k.as_str().as_bytes(), &mut self.out);
                    self.out.push(b':');
                    continue;
                }
                JsonTask::Value(v) => v,
            };
            if !v.is_forced() {
                if !self.force {
                    return Err(Error::eval("cannot convert a thunk to JSON"));
                }
                self.work.push(JsonTask::Value(v.clone()));
                return Ok(Step::Force(v));
            }
            match v.shallow() {
                Value::Null => self.out.extend_from_slice(b"null"),
                Value::Bool(b) => self
                    .out
                    .extend_from_slice(if b { b"true" } else { b"false" }),
                Value::Int(i) => self.out.extend_from_slice(i.to_string().as_bytes()),
                Value::Float(f) => self.out.extend_from_slice(format_float(f).as_bytes()),
                Value::String(s) => json_escape(&s.bytes, &mut self.out),
                Value::Path(p) => {
                    return Err(Error::eval(format!(
                        "cannot copy path '{}' to the store: store paths are not supported yet",
                        p.path
                    )))
                }
                Value::List(l) => {
                    self.out.push(b'[');
                    self.work.push(JsonTask::Text("]"));
                    for (i, e) in l.iter().enumerate().rev() {
                        self.work.push(JsonTask::Value(e.clone()));
                        if i > 0 {
                            self.work.push(JsonTask::Text(","));
                        }
                    }
                }
                Value::Attrs(a) => {
                    if a.get_str("__toString").is_some() {
                        self.awaiting_string = true;
                        return Ok(Step::Sub(Box::new(Concat::interpolation(vec![
                            Value::Attrs(a),
                        ]))));
                    }
                    if let Some(p) = a.get_str("outPath") {
                        self.work.push(JsonTask::Value(p.clone()));
                        continue;
                    }
                    self.out.push(b'{');
                    self.work.push(JsonTask::Text("}"));
                    for (i, (k, e)) in a.entries.iter().enumerate().rev() {
                        self.work.push(JsonTask::Value(e.clone()));
                        self.work.push(JsonTask::Key(*k));
                        if i > 0 {
                            self.work.push(JsonTask::Text(","));
                        }
                    }
                }
                Value::Closure(_) | Value::PrimOp(_) | Value::PrimOpApp(_) => {
                    return Err(Error::eval("cannot convert a function to JSON"))
                }
                Value::Thunk(_) => return Err(Error::eval("cannot convert a thunk to JSON")),
            }
        }
        Ok(Step::Done(Value::string(std::mem::take(&mut self.out))))
    }
}

#[cfg(test)]
mod tests {
    use super::format_float;

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

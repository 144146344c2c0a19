//! Control flow and debugging builtins: throw, abort, seq, tryEval, trace,
//! warn, addErrorContext, import, ...

use super::{ok, string, PrimRet};
use crate::error::{Error, ErrorKind, Result};
#[allow(unused_imports)]
use crate::gc::{Trace, Tracer};
use crate::io::describe_io_error;
use crate::symbol::Symbol;
use crate::value::{Attrs, Thunk, ThunkState, Value};
use crate::vm::coerce::Concat;
use crate::vm::deep::DeepForce;
use crate::vm::{Cont, Step, Vm};

/// Coerce the message argument, then raise.
struct Raise {
    kind: ErrorKind,
    msg: Option<Value>,
}

impl Cont for Raise {
    fn trace(&self, t: &mut Tracer) {
        self.msg.trace(t);
    }
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        if let Some(m) = self.msg.take() {
            return Ok(Step::Sub(Box::new(Concat::interpolation(vec![m]))));
        }
        let text = match &input {
            Value::String(s) => s.as_str_lossy().into_owned(),
            _ => String::new(),
        };
        Err(match self.kind {
            ErrorKind::Abort => Error::new(
                ErrorKind::Abort,
                format!(
                    "evaluation aborted with the following error message: '{}'",
                    text
                ),
            ),
            kind => Error::new(kind, text),
        })
    }
}

pub fn throw(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    Ok(PrimRet::Cont(Box::new(Raise {
        kind: ErrorKind::Throw,
        msg: Some(a[0]),
    })))
}

pub fn abort(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    Ok(PrimRet::Cont(Box::new(Raise {
        kind: ErrorKind::Abort,
        msg: Some(a[0]),
    })))
}

pub fn seq(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    ok(a[1])
}

struct Then {
    first: Option<Box<dyn Cont>>,
    then: Value,
}

impl Cont for Then {
    fn trace(&self, t: &mut Tracer) {
        if let Some(c) = &self.first {
            c.trace(t);
        }
        self.then.trace(t);
    }
    fn resume(&mut self, _: &mut Vm, _: Value) -> Result<Step> {
        match self.first.take() {
            Some(c) => Ok(Step::Sub(c)),
            None => Ok(Step::Force(self.then)).map(|s| match s {
                Step::Force(v) if v.is_forced() => Step::Done(v.shallow()),
                s => s,
            }),
        }
    }
}

pub fn deep_seq(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    Ok(PrimRet::Cont(Box::new(Then {
        first: Some(Box::new(DeepForce::new(a[0], true))),
        then: a[1],
    })))
}

struct TryEval {
    arg: Option<Value>,
}

fn try_result(success: bool, value: Value) -> Value {
    Value::attrs(Attrs::from_sorted(vec![
        (Symbol::new("success"), Value::Bool(success)),
        (Symbol::new("value"), value),
    ]))
}

impl Cont for TryEval {
    fn trace(&self, t: &mut Tracer) {
        self.arg.trace(t);
    }
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        match self.arg.take() {
            Some(v) => Ok(Step::Force(v)),
            None => Ok(Step::Done(try_result(true, input))),
        }
    }

    fn catch(&mut self, err: &Error) -> Option<Value> {
        if err.is_catchable() {
            Some(try_result(false, Value::Bool(false)))
        } else {
            None
        }
    }
}

pub fn try_eval(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    Ok(PrimRet::Cont(Box::new(TryEval { arg: Some(a[0]) })))
}

pub fn trace(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    print_trace(vm, &a[0]);
    ok(a[1])
}

/// `trace: VALUE` as Nix 2.8 prints it: a string as its text, anything
/// else printed without forcing what is not yet forced.
fn print_trace(vm: &mut Vm, v: &Value) {
    let text = match v {
        Value::String(s) => s.as_str_lossy().into_owned(),
        v => crate::print::print_lazy(v),
    };
    vm.io.trace(&crate::print::terminal::filter_str(&format!(
        "trace: {}",
        text
    )));
}

/// `traceVerbose`: `trace` with `--trace-verbose`; otherwise the message is
/// not even evaluated.
pub fn trace_verbose(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    if !vm.options.trace_verbose {
        return ok(a[1]);
    }
    let then = a[1];
    super::lists::force_then(vm, &a[0], a, move |vm, msg| {
        print_trace(vm, &msg);
        ok(then)
    })
}

/// `warn msg value` (Nix 2.23): the message must be a string; it is printed
/// as `evaluation warning: MSG` with the call's position, and with
/// `--abort-on-warn` evaluation stops there with an error `tryEval` does not
/// catch.
pub fn warn(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let msg = string(&a[0])?;
    let text = crate::error::warning_text(
        "evaluation warning: ",
        &msg.as_str_lossy(),
        vm.current_pos().as_ref(),
    );
    vm.io.trace(&text);
    if vm.options.abort_on_warn {
        return Err(Error::eval(
            "aborting to reveal stack trace of warning, as abort-on-warn is set",
        ));
    }
    ok(a[1])
}

/// `break value`: without a debugger, just the value.
pub fn break_(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    ok(a[0])
}

/// `addErrorContext msg value`: the value; if forcing it fails, the error
/// gets `msg` as a trace entry (shown by `--show-trace`). The message is
/// only evaluated then, and an error in it replaces the original one.
pub fn add_error_context(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    Ok(PrimRet::Cont(Box::new(AddErrorContext {
        msg: a[0],
        value: Some(a[1]),
        caught: None,
        intercepted: false,
    })))
}

struct AddErrorContext {
    msg: Value,
    value: Option<Value>,
    /// The error that unwound to here, while the message is evaluated.
    caught: Option<Error>,
    /// An error was intercepted already (the next one goes through).
    intercepted: bool,
}

impl Cont for AddErrorContext {
    fn trace(&self, t: &mut Tracer) {
        self.msg.trace(t);
        self.value.trace(t);
    }
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        if let Some(v) = self.value.take() {
            return Ok(Step::Force(v));
        }
        let mut err = match self.caught.take() {
            None => return Ok(Step::Done(input)),
            Some(e) => e,
        };
        if let Value::Null = input {
            // Just intercepted: evaluate the message.
            if let Value::String(s) = self.msg.shallow() {
                err.trace.push((s.as_str_lossy().into_owned(), None));
                err.trace_hint = true;
                return Err(err);
            }
            self.caught = Some(err);
            return Ok(Step::Sub(Box::new(Concat::interpolation(vec![self.msg]))));
        }
        if let Value::String(s) = &input {
            err.trace.push((s.as_str_lossy().into_owned(), None));
        }
        err.trace_hint = true;
        Err(err)
    }

    fn intercept(&mut self, err: &Error) -> bool {
        if self.value.is_some() || self.intercepted {
            return false;
        }
        self.intercepted = true;
        self.caught = Some(err.clone());
        true
    }
}

/// The absolute path a path-like argument names. As in Nix, an error here
/// happened "while realising the context of a path", at the call: a trace
/// entry, and the `--show-trace` hint.
pub fn real_path(vm: &Vm, v: &Value) -> Result<String> {
    absolute_path(v).map_err(|mut e| {
        e.trace_hint = true;
        if e.trace.len() < 64 {
            e.trace.push((
                "while realising the context of a path".to_string(),
                vm.current_pos(),
            ));
        }
        e
    })
}

fn absolute_path(v: &Value) -> Result<String> {
    match v {
        Value::Path(p) => Ok(p.path.clone()),
        Value::String(s) => {
            let text = s.as_str_lossy().into_owned();
            if !text.starts_with('/') {
                return Err(Error::eval(format!(
                    "string '{}' doesn't represent an absolute path",
                    text
                )));
            }
            Ok(text)
        }
        Value::Attrs(a) => match a.get_str("outPath").map(|v| v.shallow()) {
            Some(v @ Value::String(_)) => absolute_path(&v),
            _ => Err(crate::error::type_error::cannot_coerce(v)),
        },
        other => Err(crate::error::type_error::cannot_coerce(other)),
    }
}

/// `import` of a set: its `outPath`, once forced.
struct ImportOutPath {
    out_path: Option<Value>,
    importing: bool,
}

impl Cont for ImportOutPath {
    fn trace(&self, t: &mut Tracer) {
        self.out_path.trace(t);
    }
    fn resume(&mut self, vm: &mut Vm, input: Value) -> Result<Step> {
        if self.importing {
            return Ok(Step::Done(input));
        }
        match self.out_path.take() {
            Some(p) => Ok(Step::Force(p)),
            None => {
                self.importing = true;
                match import(vm, &mut [input])? {
                    PrimRet::Value(v) => Ok(Step::Done(v)),
                    PrimRet::Cont(c) => Ok(Step::Sub(c)),
                }
            }
        }
    }
}

pub fn import(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    if let Value::Attrs(set) = &a[0] {
        if let Some(p) = set.get_str("outPath") {
            if !p.is_forced() {
                return Ok(PrimRet::Cont(Box::new(ImportOutPath {
                    out_path: Some(*p),
                    importing: false,
                })));
            }
        }
    }
    let mut path = real_path(vm, &a[0])?;
    if let Some(v) = vm.import_cache.get(&path) {
        return imported(*v);
    }
    path = import_target(vm, path)?;
    if let Some(v) = vm.import_cache.get(&path) {
        return imported(*v);
    }
    let text = read_source(vm, &path)?;
    let proto = crate::compile_source(vm, &path, text)?;
    let empty = crate::value::Env::new(0, None);
    let v = Thunk::value_of(ThunkState::Pending(proto, empty));
    vm.import_cache.insert(path, v);
    imported(v)
}

/// The file `import` reads for `path`: `path/default.nix` when it is a
/// directory.
pub fn import_target(vm: &Vm, path: String) -> Result<String> {
    vm.io.file_type(&path).map_err(|e| {
        Error::eval(format!(
            "getting status of '{}': {}",
            path,
            describe_io_error(&e)
        ))
    })?;
    if vm.io.is_dir(&path) {
        Ok(format!("{}/default.nix", path.trim_end_matches('/')))
    } else {
        Ok(path)
    }
}

/// A Nix source file's text, as written (2.8 keeps its CRs).
pub fn read_source(vm: &Vm, path: &str) -> Result<String> {
    let bytes = vm.io.read_file(path).map_err(|e| {
        Error::eval(format!(
            "opening file '{}': {}",
            path,
            describe_io_error(&e)
        ))
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn imported(file: Value) -> Result<PrimRet> {
    if file.is_forced() {
        return ok(file.shallow());
    }
    Ok(PrimRet::Cont(Box::new(crate::vm::deep::ImportFile::new(
        file,
    ))))
}

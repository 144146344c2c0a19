//! Control flow, debugging and file builtins: throw, abort, seq, tryEval,
//! trace, import, ...

use super::{list, ok, string, PrimRet};
use crate::error::{Error, ErrorKind, Result};
use crate::io::{describe_io_error, FileType};
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
        msg: Some(a[0].clone()),
    })))
}

pub fn abort(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    Ok(PrimRet::Cont(Box::new(Raise {
        kind: ErrorKind::Abort,
        msg: Some(a[0].clone()),
    })))
}

pub fn seq(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    ok(a[1].clone())
}

struct Then {
    first: Option<Box<dyn Cont>>,
    then: Value,
}

impl Cont for Then {
    fn resume(&mut self, _: &mut Vm, _: Value) -> Result<Step> {
        match self.first.take() {
            Some(c) => Ok(Step::Sub(c)),
            None => Ok(Step::Force(self.then.clone())).map(|s| match s {
                Step::Force(v) if v.is_forced() => Step::Done(v.shallow()),
                s => s,
            }),
        }
    }
}

pub fn deep_seq(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    Ok(PrimRet::Cont(Box::new(Then {
        first: Some(Box::new(DeepForce::new(a[0].clone(), true))),
        then: a[1].clone(),
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
    Ok(PrimRet::Cont(Box::new(TryEval {
        arg: Some(a[0].clone()),
    })))
}

pub fn trace(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let text = match &a[0] {
        Value::String(s) => s.as_str_lossy().into_owned(),
        v => crate::print::print_lazy(v),
    };
    vm.io.trace(&format!("trace: {}", text));
    ok(a[1].clone())
}

/// The absolute path a path-like argument names.
pub fn real_path(v: &Value) -> Result<String> {
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
            Some(v @ Value::String(_)) => real_path(&v),
            _ => Err(Error::eval("cannot coerce a set to a string")),
        },
        other => Err(Error::eval(format!(
            "cannot coerce {} to a string",
            other.show_type()
        ))),
    }
}

/// `import` of a set: its `outPath`, once forced.
struct ImportOutPath {
    out_path: Option<Value>,
    importing: bool,
}

impl Cont for ImportOutPath {
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
                    out_path: Some(p.clone()),
                    importing: false,
                })));
            }
        }
    }
    let mut path = real_path(&a[0])?;
    if let Some(v) = vm.import_cache.get(&path) {
        return imported(v.clone());
    }
    match vm.io.file_type(&path) {
        Err(e) => {
            return Err(Error::eval(format!(
                "getting status of '{}': {}",
                path,
                describe_io_error(&e)
            )))
        }
        Ok(_) => {
            if vm.io.is_dir(&path) {
                path = format!("{}/default.nix", path.trim_end_matches('/'));
            }
        }
    }
    if let Some(v) = vm.import_cache.get(&path) {
        return imported(v.clone());
    }
    let bytes = vm.io.read_file(&path).map_err(|e| {
        Error::eval(format!(
            "opening file '{}': {}",
            path,
            describe_io_error(&e)
        ))
    })?;
    let text = crate::syntax::normalise_newlines(&String::from_utf8_lossy(&bytes));
    let proto = crate::compile_source(vm, &path, text)?;
    let empty = crate::value::Env::new(0, None);
    let v = Thunk::value_of(ThunkState::Pending(proto, empty));
    vm.import_cache.insert(path, v.clone());
    imported(v)
}

fn imported(file: Value) -> Result<PrimRet> {
    if file.is_forced() {
        return ok(file.shallow());
    }
    Ok(PrimRet::Cont(Box::new(crate::vm::deep::ImportFile::new(
        file,
    ))))
}

/// `findFile`: the first entry of the search path (a list of
/// `{ prefix; path; }` sets, forced as they are reached) that has the file.
struct FindFile {
    entries: std::rc::Rc<Vec<Value>>,
    name: String,
    index: usize,
}

impl Cont for FindFile {
    fn resume(&mut self, vm: &mut Vm, _: Value) -> Result<Step> {
        while self.index < self.entries.len() {
            let e = &self.entries[self.index];
            let set = match e.whnf() {
                Some(Value::Attrs(s)) => s,
                Some(other) => {
                    return Err(Error::eval(format!(
                        "value is {} while a set was expected",
                        other.show_type()
                    )))
                }
                None => return Ok(Step::Force(e.clone())),
            };
            let mut fields = [Value::Null, Value::Null];
            for (slot, key) in fields.iter_mut().zip(["prefix", "path"]) {
                if let Some(v) = set.get_str(key) {
                    match v.whnf() {
                        Some(x) => *slot = x,
                        None => return Ok(Step::Force(v.clone())),
                    }
                }
            }
            self.index += 1;
            let prefix = match &fields[0] {
                Value::String(s) => s.as_str_lossy().into_owned(),
                _ => String::new(),
            };
            let base = match &fields[1] {
                Value::String(s) => s.as_str_lossy().into_owned(),
                Value::Path(p) => p.path.clone(),
                _ => continue,
            };
            let rest = if prefix.is_empty() {
                Some(self.name.clone())
            } else if self.name == prefix {
                Some(String::new())
            } else {
                self.name
                    .strip_prefix(&format!("{}/", prefix))
                    .map(|r| r.to_string())
            };
            if let Some(rest) = rest {
                let candidate = if rest.is_empty() {
                    base.clone()
                } else {
                    format!("{}/{}", base.trim_end_matches('/'), rest)
                };
                if vm.io.file_type(&candidate).is_ok() {
                    return Ok(Step::Done(Value::path(crate::compiler::canon_path(
                        &candidate,
                    ))));
                }
            }
        }
        Err(Error::eval(format!(
            "file '{}' was not found in the Nix search path (add it using $NIX_PATH or -I)",
            self.name
        )))
    }
}

pub fn find_file(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let entries = list(&a[0])?;
    let name = string(&a[1])?.as_str_lossy().into_owned();
    Ok(PrimRet::Cont(Box::new(FindFile {
        entries,
        name,
        index: 0,
    })))
}

pub fn get_env(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let name = string(&a[0])?.as_str_lossy().into_owned();
    ok(Value::string(vm.io.get_env(&name).unwrap_or_default()))
}

pub fn path_exists(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let p = real_path(&a[0])?;
    ok(Value::Bool(vm.io.file_type(&p).is_ok()))
}

pub fn read_file(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let p = real_path(&a[0])?;
    let bytes = vm
        .io
        .read_file(&p)
        .map_err(|e| Error::eval(format!("opening file '{}': {}", p, describe_io_error(&e))))?;
    let _ = FileType::Regular;
    ok(Value::string(bytes))
}

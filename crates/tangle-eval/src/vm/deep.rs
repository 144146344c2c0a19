//! Small continuations the VM itself relies on: forcing, calling, and
//! forcing a value completely.

use super::{Cont, Step, Vm};
use crate::builtins::{PrimOpDef, PrimRet};
use crate::error::Result;
use crate::gc::{Gc, Trace, Tracer};
use crate::value::{CallArgs, PrimArgs, Value};
use std::collections::HashSet;

/// Stands in for a continuation while it is running.
pub struct Placeholder;

impl Cont for Placeholder {
    fn trace(&self, _: &mut Tracer) {}
    fn resume(&mut self, _vm: &mut Vm, _input: Value) -> Result<Step> {
        Err(crate::error::Error::eval(
            "internal error: re-entered a running continuation",
        ))
    }
}

/// Force one value.
pub struct ForceOnce {
    v: Option<Value>,
}

impl ForceOnce {
    pub fn new(v: Value) -> ForceOnce {
        ForceOnce { v: Some(v) }
    }
}

impl Cont for ForceOnce {
    fn trace(&self, t: &mut Tracer) {
        self.v.trace(t);
    }
    fn resume(&mut self, _vm: &mut Vm, input: Value) -> Result<Step> {
        match self.v.take() {
            Some(v) => Ok(Step::Force(v)),
            None => Ok(Step::Done(input)),
        }
    }
}

/// `f arg`, forcing `f` (and `arg`, for a lambda with formals) first.
pub struct CallOnce {
    f: Value,
    arg: Value,
    state: u8,
}

impl CallOnce {
    pub fn new(f: Value, arg: Value) -> CallOnce {
        CallOnce { f, arg, state: 0 }
    }
}

impl Cont for CallOnce {
    fn trace(&self, t: &mut Tracer) {
        self.f.trace(t);
        self.arg.trace(t);
    }
    fn resume(&mut self, _vm: &mut Vm, input: Value) -> Result<Step> {
        loop {
            match self.state {
                0 => {
                    self.state = 1;
                    if !self.f.is_forced() {
                        return Ok(Step::Force(self.f));
                    }
                }
                1 => {
                    self.f = self.f.shallow();
                    self.state = 2;
                    if let Value::Closure(c) = &self.f {
                        if c.lambda.formals.is_some() && !self.arg.is_forced() {
                            return Ok(Step::Force(self.arg));
                        }
                    }
                }
                2 => {
                    self.state = 3;
                    return Ok(Step::Call(self.f, self.arg));
                }
                _ => return Ok(Step::Done(input)),
            }
        }
    }
}

/// `(f a) b`, one call after the other (see [`Step::Call2`]).
pub struct CallTwice {
    f: Value,
    a: Value,
    b: Value,
    state: u8,
}

impl CallTwice {
    pub fn new(f: Value, a: Value, b: Value) -> CallTwice {
        CallTwice { f, a, b, state: 0 }
    }
}

impl Cont for CallTwice {
    fn trace(&self, t: &mut Tracer) {
        self.f.trace(t);
        self.a.trace(t);
        self.b.trace(t);
    }
    fn resume(&mut self, _vm: &mut Vm, input: Value) -> Result<Step> {
        match self.state {
            0 => {
                self.state = 1;
                Ok(Step::Call(self.f, self.a))
            }
            1 => {
                self.state = 2;
                Ok(Step::Call(input, self.b))
            }
            _ => Ok(Step::Done(input)),
        }
    }
}

/// `f a1 .. an`, one call after the other (the general case of
/// `Op::CallN`).
pub struct CallMany {
    f: Option<Value>,
    args: CallArgs,
    next: usize,
}

impl CallMany {
    pub fn new(f: Value, args: CallArgs) -> CallMany {
        CallMany {
            f: Some(f),
            args,
            next: 0,
        }
    }
}

impl Cont for CallMany {
    fn trace(&self, t: &mut Tracer) {
        self.f.trace(t);
        self.args.trace(t);
    }
    fn resume(&mut self, _vm: &mut Vm, input: Value) -> Result<Step> {
        let f = match self.f.take() {
            Some(f) => f,
            None => input,
        };
        match self.args.get_mut(self.next) {
            Some(arg) => {
                self.next += 1;
                Ok(Step::Call(f, std::mem::replace(arg, Value::Null)))
            }
            None => Ok(Step::Done(f)),
        }
    }
}

/// Calling a set with `__functor`: `(s.__functor s) arg`.
pub struct CallFunctor {
    set: Value,
    arg: Value,
    state: u8,
}

impl CallFunctor {
    pub fn new(set: Value, arg: Value) -> CallFunctor {
        CallFunctor { set, arg, state: 0 }
    }
}

impl Cont for CallFunctor {
    fn trace(&self, t: &mut Tracer) {
        self.set.trace(t);
        self.arg.trace(t);
    }
    fn resume(&mut self, _vm: &mut Vm, input: Value) -> Result<Step> {
        match self.state {
            0 => {
                self.state = 1;
                let f = match &self.set {
                    Value::Attrs(a) => a.get_str("__functor").cloned().unwrap_or(Value::Null),
                    _ => Value::Null,
                };
                Ok(Step::Sub(Box::new(CallOnce::new(f, self.set))))
            }
            1 => {
                self.state = 2;
                Ok(Step::Sub(Box::new(CallOnce::new(input, self.arg))))
            }
            _ => Ok(Step::Done(input)),
        }
    }
}

/// Force a builtin's strict arguments, then run it.
pub struct PrimOpCall {
    op: &'static PrimOpDef,
    args: PrimArgs,
    state: u8,
}

impl PrimOpCall {
    pub fn new(op: &'static PrimOpDef, args: PrimArgs) -> PrimOpCall {
        PrimOpCall { op, args, state: 0 }
    }
}

impl Cont for PrimOpCall {
    fn trace(&self, t: &mut Tracer) {
        self.args.trace(t);
    }
    fn resume(&mut self, vm: &mut Vm, input: Value) -> Result<Step> {
        if self.state == 1 {
            return Ok(Step::Done(input));
        }
        for (i, a) in self.args.iter_mut().enumerate() {
            if self.op.strict & (1 << i) != 0 {
                if !a.is_forced() {
                    return Ok(Step::Force(*a));
                }
                *a = a.shallow();
            }
        }
        self.state = 1;
        vm.counters.primop_call(self.op);
        match (self.op.func)(vm, &mut self.args)? {
            PrimRet::Value(v) => Ok(Step::Done(v)),
            PrimRet::Cont(c) => Ok(Step::Sub(c)),
        }
    }
}

/// Force a value and everything inside it (lists and sets, recursively).
pub struct DeepForce {
    root: Value,
    /// Values still to visit, and whether each is (inside) an attribute's
    /// value.
    work: Vec<(Value, bool)>,
    /// The value being forced now is an attribute's value.
    forcing_attr: bool,
    seen: HashSet<usize>,
    started: bool,
    /// Return `root` (false) or Null (true, for `deepSeq`-style use).
    pub quiet: bool,
}

impl DeepForce {
    pub fn new(root: Value, quiet: bool) -> DeepForce {
        DeepForce {
            root,
            work: Vec::new(),
            forcing_attr: false,
            seen: HashSet::new(),
            started: false,
            quiet,
        }
    }
}

impl Cont for DeepForce {
    fn trace(&self, t: &mut Tracer) {
        self.root.trace(t);
        for (v, _) in &self.work {
            v.trace(t);
        }
    }
    fn resume(&mut self, _vm: &mut Vm, _input: Value) -> Result<Step> {
        if !self.started {
            self.started = true;
            self.work.push((self.root, false));
        }
        while let Some((v, is_attr)) = self.work.pop() {
            if !v.is_forced() {
                self.forcing_attr = is_attr;
                self.work.push((v, is_attr));
                return Ok(Step::Force(v));
            }
            match v.shallow() {
                Value::List(l) if self.seen.insert(Gc::as_ptr(&l) as *const u8 as usize) => {
                    // Inside an attribute's value, still inside it.
                    self.work.extend(l.iter().rev().map(|v| (*v, is_attr)));
                }
                Value::Attrs(a) if self.seen.insert(Gc::as_ptr(&a) as *const u8 as usize) => {
                    self.work
                        .extend(a.entries().iter().rev().map(|(_, v)| (*v, true)));
                }
                _ => {}
            }
        }
        Ok(Step::Done(self.root.shallow()))
    }

    fn unwinding(&mut self, err: &mut crate::error::Error) {
        if self.forcing_attr {
            err.trace_hint = true;
        }
    }
}

/// Evaluate an imported file (its cached thunk); errors from inside it get
/// Nix's "while evaluating the file" context.
pub struct ImportFile(ForceOnce);

impl ImportFile {
    pub fn new(file: Value) -> ImportFile {
        ImportFile(ForceOnce::new(file))
    }
}

impl Cont for ImportFile {
    fn trace(&self, t: &mut Tracer) {
        self.0.trace(t);
    }
    fn resume(&mut self, vm: &mut Vm, input: Value) -> Result<Step> {
        self.0.resume(vm, input)
    }

    fn unwinding(&mut self, err: &mut crate::error::Error) {
        err.trace_hint = true;
    }
}

//! The stackless virtual machine.
//!
//! Nix-level recursion never becomes Rust recursion. The VM keeps two
//! heap-allocated stacks: the operand stack of values and the frame stack.
//! A frame is either bytecode being run ([`CodeFrame`]) or a suspended native
//! continuation ([`Cont`]) for a builtin that calls back into Nix code
//! (`foldl'`, `sort`, `==` on deep structures, deep forcing, ...).
//!
//! Forcing a thunk or calling a lambda pushes a frame and goes on in the same
//! loop; when the frame returns, its value goes to the frame below: pushed on
//! the operand stack for bytecode, or handed to `Cont::resume` for a
//! continuation. A frame that computes a thunk also writes the result into
//! the thunk when it returns ("update"), and restores the thunk if an error
//! unwinds through it, so forcing it again raises the error again.

use crate::builtins::{PrimOpDef, PrimRet};
use crate::chunk::{Lambda, Op, Proto};
use crate::error::{type_error, Error, ErrorKind, Result};
use crate::gc::Gc;
use crate::gc::{Heap, Trace, Tracer};
use crate::io::Io;
use crate::source::Pos;
use crate::symbol::Symbol;
use crate::value::{Attrs, CallArgs, Closure, Env, PrimArgs, PrimOpApp, Thunk, ThunkState, Value};
use std::collections::HashMap;
use std::rc::Rc;

pub mod arith;
pub mod coerce;
pub mod compare;
pub mod deep;
pub mod inline;
mod overrides;

/// The values embedders hold through [`Root`] handles: slots, and the free
/// ones to reuse.
#[derive(Default)]
pub struct RootTable {
    slots: Vec<Option<Value>>,
    free: Vec<usize>,
}

/// A value kept alive for the embedder: valid across evaluations and
/// collections until the handle is dropped (or its evaluator is).
pub struct Root {
    table: Rc<std::cell::RefCell<RootTable>>,
    slot: usize,
}

impl Root {
    pub(crate) fn new(table: &Rc<std::cell::RefCell<RootTable>>, v: Value) -> Root {
        let mut t = table.borrow_mut();
        let slot = match t.free.pop() {
            Some(i) => {
                t.slots[i] = Some(v);
                i
            }
            None => {
                t.slots.push(Some(v));
                t.slots.len() - 1
            }
        };
        Root {
            table: table.clone(),
            slot,
        }
    }

    /// The value (valid while this handle lives).
    pub fn value(&self) -> Value {
        // A slot holds its value until the handle is dropped.
        self.table.borrow().slots[self.slot].unwrap_or(Value::Null)
    }
}

impl Clone for Root {
    fn clone(&self) -> Root {
        Root::new(&self.table, self.value())
    }
}

impl Drop for Root {
    fn drop(&mut self) {
        if let Ok(mut t) = self.table.try_borrow_mut() {
            t.slots[self.slot] = None;
            t.free.push(self.slot);
        }
    }
}

/// What a native continuation asks the VM to do next.
pub enum Step {
    /// Finished with this value.
    Done(Value),
    /// Force this value and resume with the result.
    Force(Value),
    /// Call `f arg` and resume with the result.
    Call(Value, Value),
    /// Call `f a b` (`(f a) b`) and resume with the result: a curried
    /// lambda gets both arguments without making the inner closure.
    Call2(Value, Value, Value),
    /// Run another continuation and resume with its result.
    Sub(Box<dyn Cont>),
}

/// A suspended native computation: a builtin's state machine.
pub trait Cont {
    /// Mark every value this continuation holds (it is a root while it is
    /// on the frame stack: see `gc`).
    fn trace(&self, t: &mut Tracer);
    /// Called first with `Value::Null`, then with the result of each request.
    fn resume(&mut self, vm: &mut Vm, input: Value) -> Result<Step>;
    /// `tryEval` catches some errors; everything else lets them through.
    fn catch(&mut self, _err: &Error) -> Option<Value> {
        None
    }
    /// An error is unwinding through this continuation (to add context).
    fn unwinding(&mut self, _err: &mut Error) {}
    /// An error is unwinding through this continuation: return true to be
    /// resumed (with `Value::Null`) before it goes on, to run Nix code for
    /// it (`addErrorContext` evaluates its message). The continuation keeps
    /// the error and raises it again; it must say false the next time.
    fn intercept(&mut self, _err: &Error) -> bool {
        false
    }
}

struct Update {
    thunk: Gc<Thunk>,
    /// Hand the value to the frame below (false: that frame re-runs the
    /// instruction that asked for the force).
    deliver: bool,
}

pub struct CodeFrame {
    proto: Rc<Proto>,
    ip: usize,
    env: Gc<Env>,
    base: usize,
    update: Option<Update>,
    /// For traces: the lambda this frame runs, if it is a call.
    lambda: Option<Rc<Lambda>>,
    /// How many tail calls reused this frame.
    tail_calls: usize,
}

struct NativeFrame {
    cont: Box<dyn Cont>,
    update: Option<Update>,
    /// The continuation finished and is waiting for its result to be forced.
    finishing: bool,
}

enum Frame {
    Code(CodeFrame),
    Native(NativeFrame),
}

/// Options that shape an evaluation.
pub struct VmOptions {
    pub max_call_depth: usize,
    pub search_path: Vec<(String, String)>,
    pub abort_on_warn: bool,
    pub trace_verbose: bool,
    pub features: crate::settings::Features,
    pub lints: crate::settings::Lints,
}

impl Default for VmOptions {
    fn default() -> Self {
        VmOptions {
            max_call_depth: 10_000_000,
            search_path: Vec::new(),
            abort_on_warn: false,
            trace_verbose: false,
            features: Default::default(),
            lints: Default::default(),
        }
    }
}

pub struct Vm {
    stack: Vec<Value>,
    frames: Vec<Frame>,
    pub options: VmOptions,
    pub io: Rc<dyn Io>,
    pub globals: Rc<HashMap<Symbol, Value>>,
    /// `import` results by path.
    pub import_cache: HashMap<String, Value>,
    /// Search path entries looked at so far: whether each can be used
    /// (Nix warns about an unusable one once).
    pub search_path_resolved: HashMap<String, bool>,
    /// Derivations and store paths made so far.
    pub store: crate::store::EvalStore,
    empty_env: Gc<Env>,
    /// Calls made in tail position by live frames: they reuse their frame,
    /// but still count towards `max_call_depth`, so an endless tail
    /// recursion ends in the same clean error as any other.
    tail_calls: usize,
    /// A spare work stack for `==` (see `compare::Equal`); always empty
    /// between uses.
    equal_levels: Vec<compare::Level>,
    /// Values handed to the embedder: roots until `Evaluator::release`.
    kept: Vec<Value>,
    /// Values the embedder holds through `Root` handles.
    pub roots: Rc<std::cell::RefCell<RootTable>>,
    /// Operations counted for `--eval-stats` (see `stats`).
    pub counters: crate::stats::Counters,
    /// Every heap object of this evaluator (boxed: `Gc::new` finds it by
    /// address while it is entered).
    pub heap: Box<Heap>,
    /// Set from another thread (a REPL's Ctrl-C) to stop the running
    /// evaluation at its next safe point with "interrupted by the user".
    pub interrupt: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

enum Flow {
    Continue,
    Finished(Value),
}

/// What [`Vm::start_in_hot_loop`] did.
enum Started {
    /// The value, computed on the spot (the thunk is completed).
    Value(Value),
    /// A frame that computes it was pushed.
    Frame,
    /// Nothing: the general path must force it.
    No,
}

fn internal(msg: &str) -> Error {
    Error::eval(format!("internal error: {}", msg))
}

impl Vm {
    /// A VM over `heap`, in which the globals were made.
    pub fn new(
        io: Rc<dyn Io>,
        globals: Rc<HashMap<Symbol, Value>>,
        options: VmOptions,
        mut heap: Box<Heap>,
    ) -> Vm {
        let _entered = heap.enter();
        Vm {
            stack: Vec::with_capacity(1024),
            frames: Vec::with_capacity(256),
            options,
            io,
            globals,
            import_cache: HashMap::new(),
            search_path_resolved: HashMap::new(),
            store: Default::default(),
            empty_env: Env::new(0, None),
            tail_calls: 0,
            equal_levels: Vec::new(),
            kept: Vec::new(),
            roots: Default::default(),
            counters: Default::default(),
            heap,
            interrupt: Default::default(),
        }
    }

    /// Free every heap object no root reaches. Only called at a safe point
    /// (see `gc`): every live value is on the operand or frame stack, in a
    /// continuation, or in the VM's own tables.
    #[cold]
    #[inline(never)]
    fn collect(&mut self) {
        let started = std::time::Instant::now();
        let mut t = self.heap.start();
        self.stack.trace(&mut t);
        for f in &self.frames {
            match f {
                Frame::Code(c) => {
                    c.proto.trace(&mut t);
                    t.mark(c.env);
                    if let Some(u) = &c.update {
                        t.mark(u.thunk);
                    }
                    if let Some(l) = &c.lambda {
                        l.trace(&mut t);
                    }
                }
                Frame::Native(n) => {
                    n.cont.trace(&mut t);
                    if let Some(u) = &n.update {
                        t.mark(u.thunk);
                    }
                }
            }
        }
        self.globals.trace(&mut t);
        self.import_cache.trace(&mut t);
        t.mark(self.empty_env);
        self.kept.trace(&mut t);
        self.roots.borrow().slots.trace(&mut t);
        self.heap.finish(t, started);
    }

    /// Collect now, from outside any evaluation (the operand and frame
    /// stacks are empty: the roots are the VM's tables, the embedder's
    /// handles and what `kept` and the heap still pin).
    pub fn collect_now(&mut self) {
        let _entered = self.heap.enter();
        self.collect();
    }

    /// Stop keeping the values handed out so far and what the embedder
    /// allocated: from now on only `Root` handles keep them.
    pub fn release(&mut self) {
        self.kept = Vec::new();
        self.heap.release_pinned();
    }

    /// A safe point: collect if enough was allocated since the last time,
    /// and stop if the embedder asked to interrupt.
    #[inline(always)]
    fn safe_point(&mut self) -> Result<()> {
        if self.heap.due() {
            self.collect();
        }
        if self.interrupt.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(Error::new(ErrorKind::Abort, "interrupted by the user"));
        }
        Ok(())
    }

    /// Keep a value handed to the embedder alive.
    fn keep(&mut self, r: Result<Value>) -> Result<Value> {
        if let Ok(v) = &r {
            if !matches!(
                v,
                Value::Null | Value::Bool(_) | Value::Int(_) | Value::Float(_)
            ) {
                self.kept.push(*v);
            }
        }
        r
    }

    /// Run a compiled top-level proto to WHNF.
    pub fn run_proto(&mut self, proto: Rc<Proto>) -> Result<Value> {
        let _entered = self.heap.enter();
        self.heap.begin_run();
        let r = self.run_proto_entered(proto);
        self.heap.end_run();
        self.keep(r)
    }

    fn run_proto_entered(&mut self, proto: Rc<Proto>) -> Result<Value> {
        let floor = self.frames.len();
        let base = self.stack.len();
        self.push_frame(Frame::Code(CodeFrame {
            proto,
            ip: 0,
            env: self.empty_env,
            base,
            update: None,
            lambda: None,
            tail_calls: 0,
        }))?;
        self.execute(floor)
    }

    /// Force a value to WHNF (entry point for embedders; never called from
    /// inside the VM loop).
    pub fn force(&mut self, v: &Value) -> Result<Value> {
        if v.is_forced() {
            return Ok(v.shallow());
        }
        self.run_cont(Box::new(deep::ForceOnce::new(*v)))
    }

    /// Force a value completely (as `--strict` printing does).
    pub fn force_deep(&mut self, v: &Value) -> Result<Value> {
        self.run_cont(Box::new(deep::DeepForce::new(*v, false)))
    }

    /// Call a function (entry point for embedders).
    pub fn call(&mut self, f: &Value, arg: Value) -> Result<Value> {
        self.run_cont(Box::new(deep::CallOnce::new(*f, arg)))
    }

    /// Run a continuation to completion from outside the VM loop.
    pub fn run_cont(&mut self, cont: Box<dyn Cont>) -> Result<Value> {
        let _entered = self.heap.enter();
        self.heap.begin_run();
        let r = self.run_cont_entered(cont);
        self.heap.end_run();
        self.keep(r)
    }

    fn run_cont_entered(&mut self, cont: Box<dyn Cont>) -> Result<Value> {
        let floor = self.frames.len();
        self.push_frame(Frame::Native(NativeFrame {
            cont,
            update: None,
            finishing: false,
        }))?;
        match self.deliver(Value::Null, floor) {
            Ok(Flow::Finished(v)) => Ok(v),
            Ok(Flow::Continue) => self.execute(floor),
            Err(e) => match self.unwind(e, floor) {
                Ok(Flow::Finished(v)) => Ok(v),
                Ok(Flow::Continue) => self.execute(floor),
                Err(e) => Err(e),
            },
        }
    }

    #[inline]
    fn check_depth(&self) -> Result<()> {
        if self.frames.len() + self.tail_calls >= self.options.max_call_depth {
            return Err(Error::new(
                ErrorKind::StackOverflow,
                "stack overflow; max-call-depth exceeded",
            ));
        }
        Ok(())
    }

    #[inline]
    fn push_frame(&mut self, f: Frame) -> Result<()> {
        self.check_depth()?;
        self.frames.push(f);
        Ok(())
    }

    /// The position of the instruction currently running in the innermost
    /// bytecode frame.
    pub fn current_pos(&self) -> Option<Pos> {
        for f in self.frames.iter().rev() {
            if let Frame::Code(c) = f {
                let ip = c.ip.saturating_sub(1);
                return c.proto.spans.get(ip).map(|off| Pos {
                    source: c.proto.source.clone(),
                    offset: *off,
                });
            }
        }
        None
    }

    fn execute(&mut self, floor: usize) -> Result<Value> {
        loop {
            let r = self.run_loop(floor);
            match r {
                Ok(v) => return Ok(v),
                Err(e) => match self.unwind(e, floor)? {
                    Flow::Finished(v) => return Ok(v),
                    Flow::Continue => {}
                },
            }
        }
    }

    /// Pop frames until one catches the error (tryEval), restoring thunks on
    /// the way and collecting the trace.
    fn unwind(&mut self, mut err: Error, floor: usize) -> Result<Flow> {
        if err.pos.is_none() && !err.positionless {
            err.pos = self.current_pos();
        }
        // The frame popped last computed a thunk of the `derivation`
        // wrapper (its `drvPath`, `outPath`).
        let mut from_wrapper = false;
        while self.frames.len() > floor {
            // The loop condition guarantees a frame.
            let frame = self.frames.pop().expect("frame above floor");
            match frame {
                Frame::Code(c) => {
                    self.stack.truncate(c.base);
                    self.tail_calls -= c.tail_calls;
                    // Forcing the value of a selected attribute: Nix records
                    // "while evaluating the attribute", except for
                    // attributes defined by the `derivation` wrapper.
                    if c.ip >= 2 && !from_wrapper {
                        if let (
                            Op::Force,
                            Op::Select(_) | Op::SelectDyn | Op::SelectOr(..) | Op::SelectDynOr(_),
                        ) = (c.proto.code[c.ip - 1], c.proto.code[c.ip - 2])
                        {
                            err.trace_hint = true;
                        }
                    }
                    // The name `builtins::derivation_wrapper` compiles it under.
                    from_wrapper = c.update.is_some()
                        && c.proto.source.name == "<nix/derivation-internal.nix>";
                    if let Some(u) = c.update {
                        u.thunk.set_forcing(false);
                    }
                    if let Some(l) = &c.lambda {
                        if err.trace.len() < 64 {
                            err.trace.push((
                                format!("while calling {}", l.describe()),
                                Some(Pos {
                                    source: l.source.clone(),
                                    offset: l.offset,
                                }),
                            ));
                        }
                    }
                }
                Frame::Native(mut n) => {
                    if n.cont.intercept(&err) {
                        self.frames.push(Frame::Native(n));
                        match self.deliver(Value::Null, floor) {
                            Ok(flow) => return Ok(flow),
                            Err(e) => {
                                err = e;
                                if err.pos.is_none() {
                                    err.pos = self.current_pos();
                                }
                                continue;
                            }
                        }
                    }
                    if let Some(u) = n.update.take() {
                        u.thunk.set_forcing(false);
                    }
                    n.cont.unwinding(&mut err);
                    if err.is_catchable() {
                        if let Some(v) = n.cont.catch(&err) {
                            return self.deliver(v, floor);
                        }
                    }
                }
            }
        }
        Err(err)
    }

    /// A frame finished with `v`: update its thunk and hand `v` to the frame
    /// below, running native continuations until bytecode can go on.
    fn finish_frame(&mut self, update: Option<Update>, v: Value, floor: usize) -> Result<Flow> {
        if let Some(u) = update {
            complete(&u.thunk, v);
            if !u.deliver {
                if self.frames.len() == floor {
                    return Ok(Flow::Finished(v));
                }
                return Ok(Flow::Continue);
            }
        }
        if self.frames.len() == floor {
            return Ok(Flow::Finished(v));
        }
        self.deliver(v, floor)
    }

    fn deliver(&mut self, mut v: Value, floor: usize) -> Result<Flow> {
        loop {
            let step = match self.frames.last_mut() {
                None => return Ok(Flow::Finished(v)),
                Some(Frame::Code(_)) => {
                    self.stack.push(v);
                    return Ok(Flow::Continue);
                }
                Some(Frame::Native(n)) => {
                    if n.finishing {
                        Step::Done(v)
                    } else {
                        // Take the continuation out while it runs so it can
                        // use the VM; put it back afterwards.
                        let mut cont = std::mem::replace(&mut n.cont, Box::new(deep::Placeholder));
                        let r = cont.resume(self, v);
                        match self.frames.last_mut() {
                            Some(Frame::Native(n)) => n.cont = cont,
                            _ => return Err(internal("native frame vanished")),
                        }
                        r?
                    }
                }
            };
            match step {
                Step::Done(out) => {
                    // Results are delivered in WHNF, never as a thunk.
                    let out = if let Value::Thunk(_) = out {
                        out.shallow()
                    } else {
                        out
                    };
                    if !out.is_forced() {
                        if let Some(Frame::Native(n)) = self.frames.last_mut() {
                            n.finishing = true;
                        }
                        match self.force_or_push(out)? {
                            Some(forced) => {
                                v = forced;
                                continue;
                            }
                            None => return Ok(Flow::Continue),
                        }
                    }
                    let update = match self.frames.pop() {
                        Some(Frame::Native(n)) => n.update,
                        _ => return Err(internal("expected a native frame")),
                    };
                    if let Some(u) = update {
                        complete(&u.thunk, out);
                        if !u.deliver {
                            if self.frames.len() == floor {
                                return Ok(Flow::Finished(out));
                            }
                            return Ok(Flow::Continue);
                        }
                    }
                    if self.frames.len() == floor {
                        return Ok(Flow::Finished(out));
                    }
                    v = out;
                }
                Step::Force(x) => match self.force_or_push(x)? {
                    Some(forced) => v = forced,
                    None => return Ok(Flow::Continue),
                },
                Step::Call(f, arg) => match self.call_value(f, arg, None)? {
                    Some(r) => v = r,
                    None => return Ok(Flow::Continue),
                },
                Step::Call2(f, a, b) => match self.call_value2(f, a, b)? {
                    Some(r) => v = r,
                    None => return Ok(Flow::Continue),
                },
                Step::Sub(cont) => {
                    self.push_frame(Frame::Native(NativeFrame {
                        cont,
                        update: None,
                        finishing: false,
                    }))?;
                    v = Value::Null;
                }
            }
        }
    }

    /// Force `v`: return its value if that needs no evaluation, or push the
    /// frame that computes it (its result will be delivered) and return None.
    fn force_or_push(&mut self, v: Value) -> Result<Option<Value>> {
        let t = match v {
            Value::Thunk(t) => t,
            other => return Ok(Some(other)),
        };
        self.start_thunk(t, true)
    }

    fn start_thunk(&mut self, t: Gc<Thunk>, deliver: bool) -> Result<Option<Value>> {
        if t.forcing() {
            return Err(Error::new(
                ErrorKind::InfiniteRecursion,
                "infinite recursion encountered",
            ));
        }
        let (proto, env, apply) = match &t.state() {
            ThunkState::Done(v) => return Ok(Some(*v)),
            ThunkState::Blackhole => {
                return Err(Error::new(
                    ErrorKind::InfiniteRecursion,
                    "infinite recursion encountered",
                ))
            }
            ThunkState::Pending(proto, env) => (Some(proto.clone()), Some(*env), None),
            ThunkState::Apply(f, arg) => (None, None, Some((*f, *arg))),
        };
        if let (Some(proto), Some(env)) = (proto, env) {
            if proto.inline {
                if let Some(v) = inline::compute(&proto, &env) {
                    complete(&t, v);
                    return Ok(Some(v));
                }
            }
            self.check_depth()?;
            self.push_thunk_frame(t, proto, env, deliver);
            return Ok(None);
        }
        t.set_forcing(true);
        let (f, arg) = apply.expect("a thunk is pending, an application or done");
        let update = Some(Update { thunk: t, deliver });
        let r = if f.is_forced() {
            self.call_value(f.shallow(), arg, update)
        } else {
            // Force the function first, via a continuation.
            self.push_native(Box::new(deep::CallOnce::new(f, arg)), update)
        };
        match r {
            Ok(Some(v)) => {
                complete(&t, v);
                Ok(Some(v))
            }
            Ok(None) => Ok(None),
            Err(e) => {
                t.set_forcing(false);
                Err(e)
            }
        }
    }

    /// Apply `f` (forced) to `arg`. Returns the value if it is available at
    /// once, or None after pushing a frame whose result will be delivered.
    /// `update` makes that frame (or the immediate result) complete a thunk.
    fn call_value(
        &mut self,
        f: Value,
        arg: Value,
        update: Option<Update>,
    ) -> Result<Option<Value>> {
        match f {
            Value::Closure(c) => {
                if c.lambda.formals.is_some() && !arg.is_forced() {
                    return self.push_native(
                        Box::new(deep::CallOnce::new(Value::Closure(c), arg)),
                        update,
                    );
                }
                let env = bind_args(&c, arg.shallow())?;
                if let Some(i) = c.lambda.body.returns_lambda {
                    // A curried function's outer lambda: no frame needed.
                    let v = Value::Closure(Gc::new(Closure {
                        lambda: c.lambda.body.lambdas[i as usize].clone(),
                        env: Some(env),
                    }));
                    if let Some(u) = update {
                        complete(&u.thunk, v);
                    }
                    return Ok(Some(v));
                }
                let base = self.stack.len();
                self.push_frame(Frame::Code(CodeFrame {
                    proto: c.lambda.body.clone(),
                    ip: 0,
                    env,
                    base,
                    update,
                    lambda: Some(c.lambda.clone()),
                    tail_calls: 0,
                }))?;
                Ok(None)
            }
            Value::PrimOp(op) => self.call_primop(op, smallvec::smallvec![arg], update),
            Value::PrimOpApp(app) => {
                let mut args = PrimArgs::new();
                args.extend(app.args.iter().cloned());
                args.push(arg);
                self.call_primop(app.op, args, update)
            }
            Value::Attrs(a) if a.get_str("__functor").is_some() => self.push_native(
                Box::new(deep::CallFunctor::new(Value::Attrs(a), arg)),
                update,
            ),
            Value::Thunk(_) => {
                // Callers force functions first; be lenient for embedders.
                self.push_native(Box::new(deep::CallOnce::new(f, arg)), update)
            }
            other => Err(type_error::not_a_function(&other)),
        }
    }

    /// Apply `f` (forced) to `a`, then the result to `b`. For `a: b: …`
    /// (plain arguments) this binds both and pushes the inner body's frame
    /// at once; anything else goes through [`deep::CallTwice`].
    fn call_value2(&mut self, f: Value, a: Value, b: Value) -> Result<Option<Value>> {
        if let Value::Closure(c) = &f {
            if let (None, Some(i)) = (&c.lambda.formals, c.lambda.body.returns_lambda) {
                let inner = &c.lambda.body.lambdas[i as usize];
                if inner.formals.is_none() && inner.body.returns_lambda.is_none() {
                    let outer = Env::for_call(c.lambda.env_size as usize, c.env);
                    let _ = outer.slot(0).set(a);
                    let env = Env::for_call(inner.env_size as usize, Some(outer));
                    let _ = env.slot(0).set(b);
                    let base = self.stack.len();
                    self.push_frame(Frame::Code(CodeFrame {
                        proto: inner.body.clone(),
                        ip: 0,
                        env,
                        base,
                        update: None,
                        lambda: Some(inner.clone()),
                        tail_calls: 0,
                    }))?;
                    return Ok(None);
                }
            }
        }
        self.push_native(Box::new(deep::CallTwice::new(f, a, b)), None)
    }

    /// Apply `f` (forced) to several arguments in turn (`Op::CallN` when
    /// the hot loop did not take it): a builtin given all its arguments at
    /// once, or one call after the other.
    fn call_value_n(&mut self, f: Value, args: CallArgs) -> Result<Option<Value>> {
        let Some((op, given)) = builtin_call(&f) else {
            return self.push_native(Box::new(deep::CallMany::new(f, args)), None);
        };
        if given.len() + args.len() > op.arity as usize {
            return self.push_native(Box::new(deep::CallMany::new(f, args)), None);
        }
        let mut all = PrimArgs::new();
        all.extend(given.iter().cloned());
        all.extend(args);
        self.call_primop(op, all, None)
    }

    fn push_native(
        &mut self,
        cont: Box<dyn Cont>,
        update: Option<Update>,
    ) -> Result<Option<Value>> {
        let has_update = update.is_some();
        self.push_frame(Frame::Native(NativeFrame {
            cont,
            update,
            finishing: false,
        }))?;
        let floor = self.frames.len() - 1;
        match self.deliver(Value::Null, floor)? {
            Flow::Continue => Ok(None),
            Flow::Finished(v) => {
                let _ = has_update;
                Ok(Some(v))
            }
        }
    }

    fn call_primop(
        &mut self,
        op: &'static PrimOpDef,
        args: PrimArgs,
        update: Option<Update>,
    ) -> Result<Option<Value>> {
        if args.len() < op.arity as usize {
            let v = Value::PrimOpApp(Gc::new(PrimOpApp { op, args }));
            if let Some(u) = update {
                complete(&u.thunk, v);
            }
            return Ok(Some(v));
        }
        let needs_force = args
            .iter()
            .enumerate()
            .any(|(i, a)| op.strict & (1 << i) != 0 && !a.is_forced());
        if needs_force {
            return self.push_native(Box::new(deep::PrimOpCall::new(op, args)), update);
        }
        let mut args = args;
        for (i, a) in args.iter_mut().enumerate() {
            if op.strict & (1 << i) != 0 {
                if let Value::Thunk(_) = a {
                    *a = a.shallow();
                }
            }
        }
        self.counters.primop_call(op);
        match (op.func)(self, &mut args)? {
            PrimRet::Value(v) if v.is_forced() => {
                let v = v.shallow();
                if let Some(u) = update {
                    complete(&u.thunk, v);
                }
                Ok(Some(v))
            }
            PrimRet::Value(Value::Thunk(t)) if update.is_none() => {
                // An element or attribute still to evaluate (`elemAt`,
                // `getAttr`): its own frame hands the value on.
                self.start_thunk(t, true)
            }
            PrimRet::Value(v) => self.push_native(Box::new(deep::ForceOnce::new(v)), update),
            PrimRet::Cont(c) => self.push_native(c, update),
        }
    }

    /// Before a call of a builtin that would run now (its last argument
    /// given), force its first strict argument that is still a pending
    /// thunk: push the thunk's frame and run the call instruction again
    /// when it returns ("retry"), instead of a native frame that forces the
    /// arguments. Arguments are forced in the same order either way.
    /// The function and its `argc` arguments are the top operands of the
    /// current bytecode frame.
    #[inline(never)]
    fn force_primop_arg_first(&mut self, argc: usize) -> Result<BuiltinArgs> {
        let n = self.stack.len();
        if n < argc + 1 {
            return Ok(BuiltinArgs::NotACall);
        }
        let Some((op, given)) = builtin_call(&self.stack[n - argc - 1]) else {
            return Ok(BuiltinArgs::NotACall);
        };
        if given.len() + argc != op.arity as usize {
            return Ok(BuiltinArgs::NotACall);
        }
        // The first strict argument not forced yet, if its body can run
        // in a frame of its own (None: the native path forces it).
        let mut pending = None;
        for i in 0..op.arity as usize {
            if op.strict & (1 << i) == 0 {
                continue;
            }
            let a = if i < given.len() {
                &given[i]
            } else {
                &self.stack[n - argc + i - given.len()]
            };
            let Value::Thunk(t) = a else { continue };
            if t.is_done() {
                continue;
            }
            if t.forcing() {
                pending = Some(None);
                break;
            }
            let Some((p, e, lambda)) = thunk_body(t) else {
                pending = Some(None);
                break;
            };
            // Inline arithmetic or a constant: computed on the spot.
            if p.inline && lambda.is_none() {
                if let Some(v) = inline::compute(&p, &e) {
                    complete(t, v);
                    continue;
                }
            }
            pending = Some(Some((*t, p, e, lambda)));
            break;
        }
        match pending {
            Some(Some((t, p, e, lambda))) => {
                self.check_depth()?;
                if let Some(Frame::Code(f)) = self.frames.last_mut() {
                    f.ip -= 1;
                }
                self.push_update_frame(t, p, e, lambda, false);
                Ok(BuiltinArgs::Pushed)
            }
            Some(None) => Ok(BuiltinArgs::Native),
            None => Ok(BuiltinArgs::Ready),
        }
    }

    /// A call of a builtin from the hot loop: the builtin and its `argc`
    /// arguments are the top operands of the current frame, whose `ip` is
    /// saved. If the call completes the builtin's arguments, force its
    /// first pending strict argument in a frame of its own (the call runs
    /// again after it), or, with all of them forced, run it. Returns false
    /// for the general path (a partial application, an argument only a
    /// native frame can force).
    #[inline(never)]
    fn primop_in_hot_loop(&mut self, argc: usize) -> Result<bool> {
        let n = self.stack.len();
        if n < argc + 1 {
            return Ok(false);
        }
        let f = n - argc - 1;
        let (op, given): (&'static PrimOpDef, &[Value]) = match &self.stack[f] {
            Value::PrimOp(op) => (*op, &[]),
            Value::PrimOpApp(app) => (app.op, &app.args[..]),
            _ => return Ok(false),
        };
        if given.len() + argc != op.arity as usize {
            return Ok(false);
        }
        // The arguments, strict ones in weak head normal form; the first
        // strict one still pending is forced first (its own frame, then
        // this call again), as `force_primop_arg_first` would.
        let mut args = PrimArgs::new();
        for i in 0..op.arity as usize {
            let a = if i < given.len() {
                given[i]
            } else {
                self.stack[f + 1 + i - given.len()]
            };
            if op.strict & (1 << i) == 0 {
                args.push(a);
                continue;
            }
            match a {
                Value::Thunk(t) => match t.value() {
                    Some(v) => args.push(v),
                    None => {
                        return match self.force_primop_arg_first(argc)? {
                            BuiltinArgs::Pushed => Ok(true),
                            BuiltinArgs::Ready => self.primop_in_hot_loop(argc),
                            BuiltinArgs::NotACall | BuiltinArgs::Native => Ok(false),
                        };
                    }
                },
                v => args.push(v),
            }
        }
        self.stack.truncate(f);
        self.counters.primop_call(op);
        match (op.func)(self, &mut args)? {
            PrimRet::Value(v) => match v {
                Value::Thunk(t) => match t.value() {
                    Some(x) => self.stack.push(x),
                    None => {
                        // An element or attribute still to evaluate
                        // (`elemAt`, `getAttr`): its own frame hands the
                        // value on.
                        if let Some(x) = self.start_thunk(t, true)? {
                            self.stack.push(x);
                        }
                    }
                },
                v => self.stack.push(v),
            },
            PrimRet::Cont(c) => {
                if let Some(x) = self.push_native(c, None)? {
                    self.stack.push(x);
                }
            }
        }
        Ok(true)
    }

    fn env_at(env: &Gc<Env>, depth: u32) -> &Gc<Env> {
        let mut e = env;
        for _ in 0..depth {
            // The compiler only emits depths that exist at run time.
            e = e
                .parent
                .as_ref()
                .expect("environment depth resolved at compile time");
        }
        e
    }

    fn pop(&mut self) -> Value {
        // The compiler emits balanced stack effects: every pop has a push.
        self.stack.pop().expect("operand stack underflow")
    }

    /// Push the frame that computes a pending thunk (depth already checked).
    fn push_thunk_frame(
        &mut self,
        thunk: Gc<Thunk>,
        proto: Rc<Proto>,
        env: Gc<Env>,
        deliver: bool,
    ) {
        self.push_update_frame(thunk, proto, env, None, deliver)
    }

    /// Push a frame whose result completes `thunk`: its pending body, or
    /// the body of `lambda` for an application.
    fn push_update_frame(
        &mut self,
        thunk: Gc<Thunk>,
        proto: Rc<Proto>,
        env: Gc<Env>,
        lambda: Option<Rc<Lambda>>,
        deliver: bool,
    ) {
        thunk.set_forcing(true);
        let base = self.stack.len();
        self.frames.push(Frame::Code(CodeFrame {
            proto,
            ip: 0,
            env,
            base,
            update: Some(Update { thunk, deliver }),
            lambda,
            tail_calls: 0,
        }));
    }

    /// Force a thunk that is not done yet, for the hot loop (which has
    /// saved its frame): compute it on the spot if it is inline arithmetic,
    /// or push the frame that computes a pending body or a call of a plain
    /// lambda (`map`/`genList` elements). `pop_top`: the thunk is on top of
    /// the operand stack and goes away when a frame is pushed. Anything
    /// else (errors, builtins, formals) is left to the general path.
    #[inline(never)]
    fn start_in_hot_loop(&mut self, t: &Gc<Thunk>, pop_top: bool) -> Started {
        if t.forcing() || self.frames.len() + self.tail_calls >= self.options.max_call_depth {
            return Started::No;
        }
        let Some(frame) = thunk_body(t) else {
            return self.start_builtin_arg(t);
        };
        let (proto, env, lambda) = frame;
        if proto.inline && lambda.is_none() {
            if let Some(x) = inline::compute(&proto, &env) {
                complete(t, x);
                return Started::Value(x);
            }
        }
        if pop_top {
            self.stack.pop();
        }
        self.push_update_frame(*t, proto, env, lambda, true);
        Started::Frame
    }

    /// `t` applies a builtin to its last argument (`map stringLength xs`
    /// makes such elements), and a strict argument is still to evaluate:
    /// push the frame of the first such argument, and make the current
    /// instruction (the one forcing `t`, whose `ip` is saved) run again
    /// once it is done, as `force_primop_arg_first` does for a call in
    /// code. Arguments are forced in the same order as by the builtin's
    /// native call. Anything else is left to the general path.
    fn start_builtin_arg(&mut self, t: &Gc<Thunk>) -> Started {
        let (arg, (proto, env, lambda)) = {
            let state = t.state();
            let ThunkState::Apply(f, last) = &state else {
                return Started::No;
            };
            let Some((op, given)) = builtin_call(f) else {
                return Started::No;
            };
            if given.len() + 1 != op.arity as usize {
                return Started::No;
            }
            let first_pending = given
                .iter()
                .chain(std::iter::once(last))
                .enumerate()
                .find(|(i, a)| op.strict & (1 << i) != 0 && !a.is_forced());
            let Some((_, Value::Thunk(arg))) = first_pending else {
                return Started::No;
            };
            if arg.forcing() {
                return Started::No;
            }
            match thunk_body(arg) {
                Some(body) => (*arg, body),
                None => return Started::No,
            }
        };
        if proto.inline && lambda.is_none() {
            // Computed on the spot; the general path then calls the builtin.
            if let Some(x) = inline::compute(&proto, &env) {
                complete(&arg, x);
            }
            return Started::No;
        }
        if let Some(Frame::Code(f)) = self.frames.last_mut() {
            f.ip -= 1;
        }
        self.push_update_frame(arg, proto, env, lambda, false);
        Started::Frame
    }

    /// The hot loop: simple instructions, calls of plain lambdas, forcing
    /// of pending thunks and returns between bytecode frames run here with
    /// the current frame's state in locals. Anything else (or a simple
    /// instruction that would fail) is returned, with its operands still on
    /// the stack and the frame's `ip`/`env` saved, for the general match.
    fn fast_path(&mut self, floor: usize) -> Result<Op> {
        'frame: loop {
            self.safe_point()?;
            let (proto, mut ip, mut env) = match self.frames.last() {
                Some(Frame::Code(f)) => (f.proto.clone(), f.ip, f.env),
                _ => return Err(internal("bytecode loop entered on a native frame")),
            };
            // Save the locals into the current frame (before leaving it).
            macro_rules! save {
                () => {
                    if let Some(Frame::Code(f)) = self.frames.last_mut() {
                        f.ip = ip;
                        f.env = env.clone();
                    }
                };
            }
            loop {
                let op = proto.code[ip];
                ip += 1;
                let stack = &mut self.stack;
                match op {
                    Op::Const(i) => stack.push(proto.consts[i as usize]),
                    Op::ConstList(i) => stack.push(inline::fresh_list(&proto.consts[i as usize])),
                    Op::Local(depth, slot) => {
                        match Self::env_at(&env, depth).slot(slot as usize).get() {
                            Some(v) => stack.push(*v),
                            None => {
                                save!();
                                return Ok(op);
                            }
                        }
                    }
                    Op::LocalForce(depth, slot) => {
                        let v = match Self::env_at(&env, depth).slot(slot as usize).get() {
                            Some(v) => v,
                            None => {
                                save!();
                                return Ok(Op::Local(depth, slot));
                            }
                        };
                        let t = match v {
                            Value::Thunk(t) => t,
                            x => {
                                stack.push(*x);
                                continue;
                            }
                        };
                        if let Some(x) = t.value() {
                            stack.push(x);
                            continue;
                        }
                        save!();
                        match self.start_in_hot_loop(t, false) {
                            Started::Value(x) => self.stack.push(x),
                            Started::Frame => continue 'frame,
                            Started::No => {
                                // The general path reports the error or runs
                                // the application.
                                self.stack.push(*v);
                                return Ok(Op::Force);
                            }
                        }
                    }
                    Op::Force => {
                        let t = match stack.last() {
                            Some(Value::Thunk(t)) => *t,
                            _ => continue,
                        };
                        if let Some(v) = t.value() {
                            if let Some(top) = stack.last_mut() {
                                *top = v;
                            }
                            continue;
                        }
                        save!();
                        match self.start_in_hot_loop(&t, true) {
                            Started::Value(x) => {
                                if let Some(top) = self.stack.last_mut() {
                                    *top = x;
                                }
                            }
                            Started::Frame => continue 'frame,
                            Started::No => return Ok(op),
                        }
                    }
                    Op::Call | Op::TailCall => {
                        let n = stack.len();
                        let env_for_call = match &stack[n - 2] {
                            Value::Closure(c)
                                if self.frames.len() + self.tail_calls
                                    < self.options.max_call_depth =>
                            {
                                let arg = &stack[n - 1];
                                if c.lambda.formals.is_none() {
                                    // The argument is moved in below.
                                    Some(Env::for_call(1, c.env))
                                } else if arg.is_forced() {
                                    // On an error, the general path reports it.
                                    bind_args(c, arg.shallow()).ok()
                                } else {
                                    // Formals need the argument forced: compute it in
                                    // a frame of its own, then run this call again.
                                    let pending = match arg {
                                        Value::Thunk(t) if !t.forcing() => match &t.state() {
                                            ThunkState::Pending(p, e) => Some((*t, p.clone(), *e)),
                                            _ => None,
                                        },
                                        _ => None,
                                    };
                                    if let Some((t, p, e)) = pending {
                                        ip -= 1;
                                        save!();
                                        self.push_thunk_frame(t, p, e, false);
                                        continue 'frame;
                                    }
                                    None
                                }
                            }
                            Value::PrimOp(_) | Value::PrimOpApp(_) => {
                                save!();
                                if self.primop_in_hot_loop(1)? {
                                    continue 'frame;
                                }
                                return Ok(op);
                            }
                            _ => None,
                        };
                        let call_env = match env_for_call {
                            Some(e) => e,
                            None => {
                                save!();
                                return Ok(op);
                            }
                        };
                        let arg = stack.pop();
                        let c = match stack.pop() {
                            Some(Value::Closure(c)) => c,
                            _ => unreachable!("checked above"),
                        };
                        if c.lambda.formals.is_none() {
                            if let Some(arg) = arg {
                                let _ = call_env.slot(0).set(arg);
                            }
                        }
                        if let Some(i) = c.lambda.body.returns_lambda {
                            // `a: b: ...` applied to `a`: the result is the
                            // inner closure, no frame needed (a tail call
                            // just goes on with the code after it).
                            self.stack.push(Value::Closure(Gc::new(Closure {
                                lambda: c.lambda.body.lambdas[i as usize].clone(),
                                env: Some(call_env),
                            })));
                            continue;
                        }
                        if let Op::TailCall = op {
                            // Reuse this frame (its thunk update, if any, stays).
                            self.tail_calls += 1;
                            if let Some(Frame::Code(f)) = self.frames.last_mut() {
                                self.stack.truncate(f.base);
                                f.proto = c.lambda.body.clone();
                                f.ip = 0;
                                f.env = call_env;
                                f.lambda = Some(c.lambda.clone());
                                f.tail_calls += 1;
                            }
                            continue 'frame;
                        }
                        save!();
                        let base = self.stack.len();
                        self.frames.push(Frame::Code(CodeFrame {
                            proto: c.lambda.body.clone(),
                            ip: 0,
                            env: call_env,
                            base,
                            update: None,
                            lambda: Some(c.lambda.clone()),
                            tail_calls: 0,
                        }));
                        continue 'frame;
                    }
                    Op::CallN(n) | Op::TailCallN(n) => {
                        let fi = stack.len() - n as usize - 1;
                        let shape = match &stack[fi] {
                            Value::Closure(c)
                                if self.frames.len() + self.tail_calls
                                    < self.options.max_call_depth =>
                            {
                                takes_curried(c, n as usize).map(|f| (*c, f))
                            }
                            _ => None,
                        };
                        let Some((c, last_formals)) = shape else {
                            save!();
                            if matches!(&self.stack[fi], Value::PrimOp(_) | Value::PrimOpApp(_))
                                && self.primop_in_hot_loop(n as usize)?
                            {
                                continue 'frame;
                            }
                            return Ok(op);
                        };
                        let bound = if last_formals {
                            // Formals need the last argument forced: a
                            // pending thunk runs in a frame of its own,
                            // then this call runs again.
                            let pending = match stack.last() {
                                Some(Value::Thunk(t)) if !t.forcing() => match &t.state() {
                                    ThunkState::Pending(p, e) => Some(Some((*t, p.clone(), *e))),
                                    ThunkState::Done(_) => None,
                                    _ => Some(None),
                                },
                                Some(Value::Thunk(_)) => Some(None),
                                _ => None,
                            };
                            match pending {
                                Some(Some((t, p, e))) => {
                                    ip -= 1;
                                    save!();
                                    self.push_thunk_frame(t, p, e, false);
                                    continue 'frame;
                                }
                                Some(None) => {
                                    save!();
                                    return Ok(op);
                                }
                                None => {}
                            }
                            // On an error, the general path reports it.
                            match bind_curried_formals(&c, &stack[fi + 1..]) {
                                Ok(b) => {
                                    stack.truncate(fi);
                                    b
                                }
                                Err(_) => {
                                    save!();
                                    return Ok(op);
                                }
                            }
                        } else {
                            let bound = bind_curried(&c, stack.drain(fi + 1..));
                            let top = stack.pop();
                            discard(top);
                            bound
                        };
                        let (lambda, call_env) = match bound {
                            Curried::Closure(v) => {
                                // All arguments taken, the result is the
                                // next inner lambda: no frame.
                                stack.push(v);
                                continue;
                            }
                            Curried::Body(lambda, env) => (lambda, env),
                        };
                        if let Op::TailCallN(_) = op {
                            self.tail_calls += 1;
                            if let Some(Frame::Code(f)) = self.frames.last_mut() {
                                self.stack.truncate(f.base);
                                f.proto = lambda.body.clone();
                                f.ip = 0;
                                f.env = call_env;
                                f.lambda = Some(lambda);
                                f.tail_calls += 1;
                            }
                            continue 'frame;
                        }
                        save!();
                        let base = self.stack.len();
                        self.frames.push(Frame::Code(CodeFrame {
                            proto: lambda.body.clone(),
                            ip: 0,
                            env: call_env,
                            base,
                            update: None,
                            lambda: Some(lambda),
                            tail_calls: 0,
                        }));
                        continue 'frame;
                    }
                    Op::Return => {
                        let len = self.frames.len();
                        if len < floor + 2 || !matches!(self.frames[len - 2], Frame::Code(_)) {
                            save!();
                            return Ok(op);
                        }
                        let v = stack.pop().expect("return value");
                        let frame = match self.frames.pop() {
                            Some(Frame::Code(f)) => f,
                            _ => unreachable!("the top frame runs this code"),
                        };
                        self.stack.truncate(frame.base);
                        self.tail_calls -= frame.tail_calls;
                        match frame.update {
                            Some(u) => {
                                complete(&u.thunk, v);
                                if u.deliver {
                                    self.stack.push(v);
                                }
                            }
                            None => self.stack.push(v),
                        }
                        continue 'frame;
                    }
                    Op::Jump(t) => ip = t as usize,
                    Op::JumpIfFalse(t) | Op::JumpIfTrue(t) => match stack.last() {
                        Some(Value::Bool(b)) => {
                            let jump = *b == matches!(op, Op::JumpIfTrue(_));
                            let top = stack.pop();
                            discard(top);
                            if jump {
                                ip = t as usize;
                            }
                        }
                        _ => {
                            save!();
                            return Ok(op);
                        }
                    },
                    Op::Thunk(i) => stack.push(Thunk::value_of(ThunkState::Pending(
                        proto.protos[i as usize].clone(),
                        env,
                    ))),
                    Op::Closure(i) => stack.push(Value::Closure(Gc::new(Closure {
                        lambda: proto.lambdas[i as usize].clone(),
                        env: Some(env),
                    }))),
                    Op::Pop => {
                        let top = stack.pop();
                        discard(top);
                    }
                    Op::PushEnv(n) => env = Env::new(n as usize, Some(env)),
                    Op::PopEnv => match env.parent {
                        Some(p) => env = p,
                        None => {
                            save!();
                            return Ok(op);
                        }
                    },
                    Op::Store(i) => {
                        let slot = env.slot(i as usize);
                        if slot.get().is_some() {
                            save!();
                            return Ok(op);
                        }
                        let v = stack.pop().expect("value to store");
                        let _ = slot.set(v);
                    }
                    Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Less | Op::GreaterEq => {
                        let n = stack.len();
                        let r = match (&stack[n - 2], &stack[n - 1]) {
                            (Value::Int(a), Value::Int(b)) => match op {
                                Op::Add => a.checked_add(*b).map(Value::Int),
                                Op::Sub => a.checked_sub(*b).map(Value::Int),
                                Op::Mul => a.checked_mul(*b).map(Value::Int),
                                // None on division by zero too: the general
                                // path reports it.
                                Op::Div => a.checked_div(*b).map(Value::Int),
                                Op::Less => Some(Value::Bool(a < b)),
                                _ => Some(Value::Bool(a >= b)),
                            },
                            _ => None,
                        };
                        match r {
                            Some(v) => {
                                // Both operands are numbers: nothing to
                                // drop.
                                let top = stack.pop();
                                discard(top);
                                let old = std::mem::replace(&mut stack[n - 2], v);
                                discard(Some(old));
                            }
                            None => {
                                save!();
                                return Ok(op);
                            }
                        }
                    }
                    Op::Select(i) => {
                        self.counters.lookups += 1;
                        let name = proto.syms[i as usize];
                        let found = match stack.last() {
                            Some(Value::Attrs(a)) => a.get(name).cloned(),
                            _ => None,
                        };
                        match found {
                            Some(v) => {
                                if let Some(top) = stack.last_mut() {
                                    *top = v;
                                }
                            }
                            None => {
                                save!();
                                return Ok(op);
                            }
                        }
                    }
                    _ => {
                        save!();
                        return Ok(op);
                    }
                }
            }
        }
    }

    /// The main bytecode loop. Returns when the frame stack is back at
    /// `floor`.
    fn run_loop(&mut self, floor: usize) -> Result<Value> {
        loop {
            self.safe_point()?;
            let op = self.fast_path(floor)?;
            let frame = match self.frames.last_mut() {
                Some(Frame::Code(f)) => f,
                _ => return Err(internal("bytecode loop entered on a native frame")),
            };
            match op {
                Op::Const(i) => {
                    let v = frame.proto.consts[i as usize];
                    self.stack.push(v);
                }
                Op::Local(depth, slot) => {
                    let env = Self::env_at(&frame.env, depth);
                    match env.slot(slot as usize).get() {
                        Some(v) => self.stack.push(*v),
                        None => return Err(internal("read of an unset slot")),
                    }
                }
                Op::LocalForce(..) => {
                    return Err(internal("LocalForce is handled by the hot loop"));
                }
                Op::WithVar(i) => {
                    let dv = &frame.proto.dyn_vars[i as usize];
                    let name = dv.name;
                    let mut found = None;
                    let mut to_force = None;
                    // Innermost first: each scope is reached from the last
                    // one, so a lookup under n `with`s walks n environments.
                    let (mut env, mut at) = (&frame.env, 0);
                    for d in dv.with_depths.iter() {
                        env = Self::env_at(env, *d - at);
                        at = *d;
                        let ns = env
                            .slot(0)
                            .get()
                            .cloned()
                            .ok_or_else(|| internal("unset with"))?;
                        let ns = ns.shallow();
                        match &ns {
                            Value::Thunk(t) => {
                                to_force = Some(*t);
                                break;
                            }
                            Value::Attrs(a) => {
                                if let Some(v) = a.get(name) {
                                    found = Some(*v);
                                    break;
                                }
                            }
                            other => return Err(type_error::expected("a set", other)),
                        }
                    }
                    if let Some(t) = to_force {
                        frame.ip -= 1;
                        if self.start_thunk(t, false)?.is_some() {
                            // Already evaluated: just retry.
                        }
                        continue;
                    }
                    match found {
                        Some(v) => self.stack.push(v),
                        None => return Err(Error::eval(format!("undefined variable '{}'", name))),
                    }
                }
                Op::Force => {
                    // The compiler pushes before every Force.
                    let top = self.stack.last_mut().expect("operand stack underflow");
                    if let Value::Thunk(t) = top {
                        if let Some(v) = t.value() {
                            *top = v;
                            continue;
                        }
                        let t = match self.stack.pop() {
                            Some(Value::Thunk(t)) => t,
                            _ => unreachable!("checked above"),
                        };
                        if let Some(v) = self.start_thunk(t, true)? {
                            self.stack.push(v);
                        }
                    }
                }
                Op::Thunk(i) => {
                    let proto = frame.proto.protos[i as usize].clone();
                    let v = Thunk::value_of(ThunkState::Pending(proto, frame.env));
                    self.stack.push(v);
                }
                Op::Closure(i) => {
                    let lambda = frame.proto.lambdas[i as usize].clone();
                    let v = Value::Closure(Gc::new(Closure {
                        lambda,
                        env: Some(frame.env),
                    }));
                    self.stack.push(v);
                }
                Op::Call => {
                    if self.force_primop_arg_first(1)? == BuiltinArgs::Pushed {
                        continue;
                    }
                    let arg = self.pop();
                    let f = self.pop();
                    if let Some(v) = self.call_value(f, arg, None)? {
                        self.stack.push(v);
                    }
                }
                Op::CallN(n) | Op::TailCallN(n) => {
                    if self.force_primop_arg_first(n as usize)? == BuiltinArgs::Pushed {
                        continue;
                    }
                    let at = self.stack.len() - n as usize;
                    let args: CallArgs = self.stack.drain(at..).collect();
                    let f = self.pop();
                    if let Some(v) = self.call_value_n(f, args)? {
                        self.stack.push(v);
                    }
                }
                Op::TailCall => {
                    if self.force_primop_arg_first(1)? == BuiltinArgs::Pushed {
                        continue;
                    }
                    let arg = self.pop();
                    let f = self.pop();
                    let simple_closure = match &f {
                        Value::Closure(c) => c.lambda.formals.is_none() || arg.is_forced(),
                        _ => false,
                    };
                    if simple_closure {
                        let c = match f {
                            Value::Closure(c) => c,
                            _ => unreachable!("checked above"),
                        };
                        let env = bind_args(&c, arg.shallow())?;
                        self.check_depth()?;
                        self.tail_calls += 1;
                        let frame = match self.frames.last_mut() {
                            Some(Frame::Code(f)) => f,
                            _ => return Err(internal("tail call outside bytecode")),
                        };
                        frame.tail_calls += 1;
                        self.stack.truncate(frame.base);
                        frame.proto = c.lambda.body.clone();
                        frame.ip = 0;
                        frame.env = env;
                        frame.lambda = Some(c.lambda.clone());
                    } else if let Some(v) = self.call_value(f, arg, None)? {
                        self.stack.push(v);
                    }
                }
                Op::Return => {
                    let v = self.pop();
                    let frame = match self.frames.pop() {
                        Some(Frame::Code(f)) => f,
                        _ => return Err(internal("return outside bytecode")),
                    };
                    self.stack.truncate(frame.base);
                    self.tail_calls -= frame.tail_calls;
                    match self.finish_frame(frame.update, v, floor)? {
                        Flow::Finished(v) => return Ok(v),
                        Flow::Continue => {}
                    }
                }
                Op::Pop => {
                    self.pop();
                }
                Op::Jump(t) => frame.ip = t as usize,
                Op::JumpIfFalse(t) | Op::JumpIfTrue(t) => {
                    let want = matches!(op, Op::JumpIfTrue(_));
                    let v = self.stack.pop().expect("operand stack underflow");
                    match v {
                        Value::Bool(b) => {
                            if b == want {
                                if let Some(Frame::Code(f)) = self.frames.last_mut() {
                                    f.ip = t as usize;
                                }
                            }
                        }
                        other => return Err(type_error::expected("a Boolean", &other)),
                    }
                }
                Op::AssertBool => match self.stack.last() {
                    Some(Value::Bool(_)) => {}
                    Some(other) => return Err(type_error::expected("a Boolean", other)),
                    None => return Err(internal("stack underflow")),
                },
                Op::Not => {
                    let v = self.pop();
                    match v {
                        Value::Bool(b) => self.stack.push(Value::Bool(!b)),
                        other => return Err(type_error::expected("a Boolean", &other)),
                    }
                }
                Op::Negate => {
                    let v = self.pop();
                    let r = arith::sub(&Value::Int(0), &v)?;
                    self.stack.push(r);
                }
                Op::Add | Op::Sub | Op::Mul | Op::Div => {
                    let b = self.pop();
                    let a = self.pop();
                    let r = match op {
                        Op::Add => match arith::add(self, &a, &b) {
                            Ok(r) => r,
                            // A number plus something else: reported
                            // at the right operand.
                            Err(e) if matches!(a, Value::Int(_) | Value::Float(_)) => {
                                let rhs = part_starts(&self.frames).into_iter().nth(1);
                                return Err(e.at(rhs));
                            }
                            Err(e) => return Err(e),
                        },
                        Op::Sub => Some(arith::sub(&a, &b)?),
                        Op::Mul => Some(arith::mul(&a, &b)?),
                        _ => Some(arith::div(&a, &b)?),
                    };
                    match r {
                        Some(v) => self.stack.push(v),
                        None => {
                            // `+` needing coercion (sets, paths).
                            let starts = part_starts(&self.frames);
                            let cont: Box<dyn Cont> = match a {
                                Value::Path(p) => Box::new(coerce::PathAppend::new(
                                    p.path.clone(),
                                    b,
                                    starts.into_iter().nth(1),
                                )),
                                a => Box::new(
                                    coerce::Concat::interpolation(vec![a, b]).at_parts(starts),
                                ),
                            };
                            if let Some(v) = self.push_native(cont, None)? {
                                self.stack.push(v);
                            }
                        }
                    }
                }
                Op::Less | Op::GreaterEq => {
                    let b = self.pop();
                    let a = self.pop();
                    let (x, y, negate) = (a, b, matches!(op, Op::GreaterEq));
                    match compare::less_than_fast(&x, &y)? {
                        Some(r) => self.stack.push(Value::Bool(r != negate)),
                        None => {
                            let cont = Box::new(compare::LessThan::new(x, y, negate));
                            if let Some(v) = self.push_native(cont, None)? {
                                self.stack.push(v);
                            }
                        }
                    }
                }
                Op::Equal | Op::NotEqual => {
                    let b = self.pop();
                    let a = self.pop();
                    let negate = matches!(op, Op::NotEqual);
                    match compare::equal_fast(&a, &b) {
                        Some(r) => self.stack.push(Value::Bool(r != negate)),
                        None => {
                            let cont = Box::new(compare::Equal::new(a, b, negate));
                            if let Some(v) = self.push_native(cont, None)? {
                                self.stack.push(v);
                            }
                        }
                    }
                }
                Op::Concat => {
                    let b = self.pop();
                    let a = self.pop();
                    let (a, b) = (crate::builtins::list(&a)?, crate::builtins::list(&b)?);
                    self.counters.concats += 1;
                    let v = if a.is_empty() {
                        Value::List(b)
                    } else if b.is_empty() {
                        Value::List(a)
                    } else {
                        let mut out = Vec::with_capacity(a.len() + b.len());
                        out.extend(a.iter().cloned());
                        out.extend(b.iter().cloned());
                        Value::list(out)
                    };
                    self.stack.push(v);
                }
                Op::Update => {
                    let b = self.pop();
                    let a = self.pop();
                    let (a, b) = (crate::builtins::attrset(&a)?, crate::builtins::attrset(&b)?);
                    self.counters.updates += 1;
                    let v = if b.is_empty() {
                        Value::Attrs(a)
                    } else if a.is_empty() {
                        Value::Attrs(b)
                    } else {
                        let merged = Attrs::update(a, &b);
                        self.counters.update_values_copied += merged.len() as u64;
                        Value::attrs(merged)
                    };
                    self.stack.push(v);
                }
                Op::Select(i) => {
                    self.counters.lookups += 1;
                    let name = frame.proto.syms[i as usize];
                    // Not the path's first attribute (`a.b.c` failing at
                    // `c`): Nix has recorded "while evaluating the
                    // attribute" for the ones before, hence its hint.
                    let nested = frame
                        .proto
                        .nested_selects
                        .binary_search(&(frame.ip as u32 - 1))
                        .is_ok();
                    let v = self.pop();
                    let mut err = match v {
                        Value::Attrs(a) => match a.get(name) {
                            Some(x) => {
                                self.stack.push(*x);
                                continue;
                            }
                            None => missing_attribute(name, &a),
                        },
                        other => type_error::expected("a set", &other),
                    };
                    err.trace_hint |= nested;
                    return Err(err);
                }
                Op::SelectOr(i, target) => {
                    self.counters.lookups += 1;
                    let name = frame.proto.syms[i as usize];
                    let found = match self.stack.last() {
                        Some(Value::Attrs(a)) => a.get(name).cloned(),
                        _ => None,
                    };
                    self.pop();
                    match found {
                        Some(v) => self.stack.push(v),
                        None => {
                            if let Some(Frame::Code(f)) = self.frames.last_mut() {
                                f.ip = target as usize;
                            }
                        }
                    }
                }
                Op::SelectDyn | Op::SelectDynOr(_) => {
                    self.counters.lookups += 1;
                    let key = self.pop();
                    let v = self.pop();
                    let name = attr_name(&key)?;
                    let found = match &v {
                        Value::Attrs(a) => a.get(name).cloned(),
                        other => {
                            if let Op::SelectDyn = op {
                                return Err(type_error::expected("a set", other));
                            }
                            None
                        }
                    };
                    match (found, op) {
                        (Some(x), _) => self.stack.push(x),
                        (None, Op::SelectDynOr(target)) => {
                            if let Some(Frame::Code(f)) = self.frames.last_mut() {
                                f.ip = target as usize;
                            }
                        }
                        (None, _) => {
                            return Err(match &v {
                                Value::Attrs(a) => missing_attribute(name, a),
                                _ => Error::eval(format!(
                                    "attribute '{}' missing",
                                    crate::print::attr_name_text(name.as_str())
                                )),
                            })
                        }
                    }
                }
                Op::HasAttr(i) => {
                    let name = frame.proto.syms[i as usize];
                    let v = self.pop();
                    let r = matches!(&v, Value::Attrs(a) if a.get(name).is_some());
                    self.stack.push(Value::Bool(r));
                }
                Op::HasAttrDyn => {
                    let key = self.pop();
                    let v = self.pop();
                    let name = attr_name(&key)?;
                    let r = matches!(&v, Value::Attrs(a) if a.get(name).is_some());
                    self.stack.push(Value::Bool(r));
                }
                Op::ConstList(i) => {
                    let v = inline::fresh_list(&frame.proto.consts[i as usize]);
                    self.stack.push(v);
                }
                Op::List(n) => {
                    let at = self.stack.len() - n as usize;
                    let items: Vec<Value> = self.stack.drain(at..).collect();
                    self.stack.push(Value::list(items));
                }
                Op::Attrs(li, ndyn) | Op::RecAttrs(li, ndyn) => {
                    let layout = frame.proto.layouts[li as usize].clone();
                    let rec = matches!(op, Op::RecAttrs(..));
                    let dyn_at = self.stack.len() - 2 * ndyn as usize;
                    let mut entries: Vec<(Symbol, Value)> = Vec::with_capacity(layout.len());
                    if rec {
                        let env = frame.env;
                        for (i, name) in layout.iter().enumerate() {
                            let v = env
                                .slot(i)
                                .get()
                                .cloned()
                                .ok_or_else(|| internal("unset rec slot"))?;
                            entries.push((*name, v));
                        }
                    } else {
                        let at = dyn_at - layout.len();
                        for (name, v) in layout.iter().zip(self.stack.drain(at..dyn_at)) {
                            entries.push((*name, v));
                        }
                    }
                    let mut positions = None;
                    if rec && overrides::applies(&layout) {
                        // The forced `__overrides`, below the dynamic pairs.
                        let ov = self.stack.remove(dyn_at - 1);
                        let statics = &frame.proto.layout_positions[li as usize];
                        positions = Some(overrides::apply(
                            &mut entries,
                            &layout,
                            frame.env,
                            ov,
                            statics,
                        )?);
                    }
                    if ndyn > 0 {
                        let dyn_at = self.stack.len() - 2 * ndyn as usize;
                        let pairs: Vec<Value> = self.stack.drain(dyn_at..).collect();
                        let offsets = frame.proto.layout_offsets[li as usize].clone();
                        // Dynamic names defined so far, with their key offsets.
                        let mut defined: Vec<(Symbol, u32)> = Vec::new();
                        for (j, pair) in pairs.chunks(2).enumerate() {
                            let name = match &pair[0] {
                                Value::Null => continue,
                                k => attr_name(k)?,
                            };
                            match entries.binary_search_by(|(k, _)| k.cmp(&name)) {
                                Ok(_) => {
                                    // Where the name was defined first.
                                    let first = match layout.binary_search(&name) {
                                        Ok(i) => offsets[i],
                                        Err(_) => defined
                                            .iter()
                                            .find(|(n, _)| *n == name)
                                            .map(|(_, o)| *o)
                                            .unwrap_or(offsets[layout.len() + j]),
                                    };
                                    let (l, c) = frame.proto.source.line_col(first);
                                    let mut at = format!(
                                        "{}:{}:{}",
                                        frame.proto.source.name_in_messages(),
                                        l,
                                        c
                                    );
                                    if let Some(p) = &positions {
                                        if !defined.iter().any(|(n, _)| *n == name) {
                                            at = overrides::defined_at(p, name);
                                        }
                                    }
                                    // Reported at the second definition.
                                    let here = Pos {
                                        source: frame.proto.source.clone(),
                                        offset: offsets[layout.len() + j],
                                    };
                                    return Err(Error::eval(format!(
                                        "dynamic attribute '{}' already defined at {}",
                                        crate::print::attr_name_text(name.as_str()),
                                        at
                                    ))
                                    .at(Some(here)));
                                }
                                Err(pos) => {
                                    defined.push((name, offsets[layout.len() + j]));
                                    entries.insert(pos, (name, pair[1]))
                                }
                            }
                        }
                        positions = Some(crate::value::AttrPositions::with_dynamic(
                            positions
                                .as_ref()
                                .unwrap_or(&frame.proto.layout_positions[li as usize]),
                            &frame.proto.source,
                            defined,
                        ));
                    }
                    let mut set = Attrs::from_sorted(entries);
                    set.pos = Some(
                        positions
                            .unwrap_or_else(|| frame.proto.layout_positions[li as usize].clone()),
                    );
                    self.stack.push(Value::attrs(set));
                }
                Op::PushEnv(n) => {
                    frame.env = Env::new(n as usize, Some(frame.env));
                }
                Op::PopEnv => {
                    let parent = frame
                        .env
                        .parent
                        .ok_or_else(|| internal("pop of root env"))?;
                    frame.env = parent;
                }
                Op::Store(i) => {
                    let v = self.stack.pop().expect("operand stack underflow");
                    let frame = match self.frames.last_mut() {
                        Some(Frame::Code(f)) => f,
                        _ => return Err(internal("store outside bytecode")),
                    };
                    if frame.env.slot(i as usize).set(v).is_err() {
                        return Err(internal("slot stored twice"));
                    }
                }
                Op::PushWith => {
                    let v = self.stack.pop().expect("operand stack underflow");
                    let frame = match self.frames.last_mut() {
                        Some(Frame::Code(f)) => f,
                        _ => return Err(internal("with outside bytecode")),
                    };
                    let env = Env::new(1, Some(frame.env));
                    let _ = env.slot(0).set(v);
                    frame.env = env;
                }
                Op::Interpolate(n) => {
                    let at = self.stack.len() - n as usize;
                    match coerce::interpolate_fast(&self.stack[at..]) {
                        Some(v) => {
                            self.stack.truncate(at);
                            self.stack.push(v)
                        }
                        None => {
                            let parts: Vec<Value> = self.stack.drain(at..).collect();
                            let starts = part_starts(&self.frames);
                            let cont =
                                Box::new(coerce::Concat::interpolation(parts).at_parts(starts));
                            if let Some(v) = self.push_native(cont, None)? {
                                self.stack.push(v);
                            }
                        }
                    }
                }
                Op::InterpolatePath(n) => {
                    let at = self.stack.len() - n as usize;
                    let parts: Vec<Value> = self.stack.drain(at..).collect();
                    let v = coerce::interpolate_path(&parts)?;
                    self.stack.push(v);
                }
                Op::Assert(i) => {
                    let v = self.pop();
                    match v {
                        Value::Bool(true) => {}
                        Value::Bool(false) => {
                            let frame = match self.frames.last() {
                                Some(Frame::Code(f)) => f,
                                _ => return Err(internal("assert outside bytecode")),
                            };
                            let text = match &frame.proto.consts[i as usize] {
                                Value::String(s) => s.as_str_lossy().into_owned(),
                                _ => String::new(),
                            };
                            return Err(Error::new(
                                ErrorKind::Assert,
                                format!("assertion '{}' failed", text),
                            ));
                        }
                        other => return Err(type_error::expected("a Boolean", &other)),
                    }
                }
            }
        }
    }
}

/// Record a thunk's value.
/// A body of code to run, its environment, and the lambda it belongs to.
type ThunkBody = (Rc<Proto>, Gc<Env>, Option<Rc<Lambda>>);

/// What computes a thunk that is not done and not being forced, when that
/// is a bytecode body: its pending body, or the body of a plain lambda it
/// applies (`map`/`genList` elements), or both arguments of `(f a) b` with
/// `f = a: b: …` (what `mapAttrs` makes; the inner application is not
/// shared with anything, so it is left as it is). The lambda comes along
/// for the trace. Anything else (builtins, formals, functors): None.
fn thunk_body(t: &Thunk) -> Option<ThunkBody> {
    Some(match t.state() {
        ThunkState::Pending(p, e) => (p, e, None),
        ThunkState::Apply(Value::Closure(c), arg)
            if c.lambda.formals.is_none() && c.lambda.body.returns_lambda.is_none() =>
        {
            let env = Env::for_call(1, c.env);
            let _ = env.slot(0).set(arg);
            (c.lambda.body.clone(), env, Some(c.lambda.clone()))
        }
        // `(f a) b` with `f = a: b: …` (what `mapAttrs` makes): both
        // arguments bound at once; the inner application is not
        // shared with anything, so it is left as it is.
        ThunkState::Apply(Value::Thunk(partial), ref b) if !partial.forcing() => {
            match &partial.state() {
                ThunkState::Apply(Value::Closure(c), a) => {
                    let inner = match (&c.lambda.formals, c.lambda.body.returns_lambda) {
                        (None, Some(i)) => &c.lambda.body.lambdas[i as usize],
                        _ => return None,
                    };
                    if inner.formals.is_some() || inner.body.returns_lambda.is_some() {
                        return None;
                    }
                    let outer = Env::for_call(c.lambda.env_size as usize, c.env);
                    let _ = outer.slot(0).set(*a);
                    let env = Env::for_call(inner.env_size as usize, Some(outer));
                    let _ = env.slot(0).set(*b);
                    (inner.body.clone(), env, Some(inner.clone()))
                }
                _ => return None,
            }
        }
        _ => return None,
    })
}

fn complete(t: &Thunk, v: Value) {
    t.set_state(ThunkState::Done(v));
    t.set_forcing(false);
}

/// The attribute name a forced key value stands for.
pub fn attr_name(key: &Value) -> Result<Symbol> {
    match key {
        Value::String(s) => Ok(Symbol::new(&s.as_str_lossy())),
        other => Err(type_error::expected("a string", other)),
    }
}

/// Make the environment of a lambda call (argument already forced if the
/// lambda has formals).
/// What a curried lambda makes of all the arguments of one call.
enum Curried {
    /// The arguments are bound; the result is this (inner) closure.
    Closure(Value),
    /// The arguments are bound; run this lambda's body in this environment.
    Body(Rc<Lambda>, Gc<Env>),
}

/// Whether `c` takes `n` arguments as a curried lambda (`a: b: …`): all
/// but the last lambda on the way have a plain parameter and are just
/// `x: <lambda>`. Some(true) if the last one has formals (`{ x }: …`).
fn takes_curried(c: &Closure, n: usize) -> Option<bool> {
    let mut lambda = &c.lambda;
    for _ in 1..n {
        if lambda.formals.is_some() {
            return None;
        }
        lambda = &lambda.body.lambdas[lambda.body.returns_lambda? as usize];
    }
    Some(lambda.formals.is_some())
}

/// Bind `args` (at least one) to `c` and the lambdas it returns, one
/// environment per argument and no closure in between. `takes_curried`
/// has checked the shape and said the last lambda has no formals.
#[inline]
fn bind_curried(c: &Closure, args: impl ExactSizeIterator<Item = Value>) -> Curried {
    let n = args.len();
    let mut lambda = &c.lambda;
    let mut parent = c.env;
    for (i, arg) in args.enumerate() {
        let env = Env::for_call(lambda.env_size as usize, parent);
        let _ = env.slot(0).set(arg);
        match lambda.body.returns_lambda {
            Some(j) if i + 1 < n => {
                lambda = &lambda.body.lambdas[j as usize];
                parent = Some(env);
            }
            Some(j) => {
                return Curried::Closure(Value::Closure(Gc::new(Closure {
                    lambda: lambda.body.lambdas[j as usize].clone(),
                    env: Some(env),
                })))
            }
            None => return Curried::Body(lambda.clone(), env),
        }
    }
    // Not reached (`n` is at least one and the last lambda returns above);
    // a body with a fresh environment keeps this total.
    Curried::Body(
        lambda.clone(),
        Env::for_call(lambda.env_size as usize, parent),
    )
}

/// `bind_curried` when the last lambda has formals (`k: { x, y }: …`):
/// the last argument is forced, and binding it may fail.
#[inline(never)]
fn bind_curried_formals(c: &Closure, args: &[Value]) -> Result<Curried> {
    let n = args.len();
    let mut lambda = &c.lambda;
    let mut parent = c.env;
    for (i, arg) in args.iter().enumerate() {
        let env = if lambda.formals.is_some() {
            bind_lambda_args(lambda, parent, arg.shallow())?
        } else {
            let env = Env::for_call(lambda.env_size as usize, parent);
            let _ = env.slot(0).set(*arg);
            env
        };
        match lambda.body.returns_lambda {
            Some(j) if i + 1 < n => {
                lambda = &lambda.body.lambdas[j as usize];
                parent = Some(env);
            }
            Some(j) => {
                return Ok(Curried::Closure(Value::Closure(Gc::new(Closure {
                    lambda: lambda.body.lambdas[j as usize].clone(),
                    env: Some(env),
                }))))
            }
            None => return Ok(Curried::Body(lambda.clone(), env)),
        }
    }
    Err(internal("a call without arguments"))
}

/// A value popped off the operand stack and not used (values have no
/// destructor: the collector frees what nothing reaches).
#[inline(always)]
fn discard(_: Option<Value>) {}

fn bind_args(c: &Closure, arg: Value) -> Result<Gc<Env>> {
    bind_lambda_args(&c.lambda, c.env, arg)
}

/// The environment of a call of `lambda` (closed over `parent`) with
/// `arg` (forced if the lambda has formals).
fn bind_lambda_args(lambda: &Lambda, parent: Option<Gc<Env>>, arg: Value) -> Result<Gc<Env>> {
    let env = Env::for_call(lambda.env_size as usize, parent);
    match &lambda.formals {
        None => {
            let _ = env.slot(0).set(arg);
        }
        Some(formals) => {
            let attrs = match &arg {
                Value::Attrs(a) => *a,
                other => return Err(type_error::expected("a set", other)),
            };
            let mut matched = 0;
            for (i, f) in formals.entries.iter().enumerate() {
                match attrs.get(f.name) {
                    Some(v) => {
                        matched += 1;
                        let _ = env.slot(i).set(*v);
                    }
                    None => match &f.default {
                        Some(proto) => {
                            let _ = env
                                .slot(i)
                                .set(Thunk::value_of(ThunkState::Pending(proto.clone(), env)));
                        }
                        None => {
                            return Err(Error::eval(format!(
                                "{} called without required argument '{}'",
                                describe_for_call(lambda),
                                f.name
                            )))
                        }
                    },
                }
            }
            // Every argument matched a formal: nothing unexpected.
            if !formals.ellipsis && matched < attrs.len() {
                for (k, _) in attrs.entries().iter() {
                    if !formals.entries.iter().any(|f| f.name == *k) {
                        return Err(Error::eval(format!(
                            "{} called with unexpected argument '{}'",
                            describe_for_call(lambda),
                            crate::print::attr_name_text(k.as_str())
                        ))
                        .suggest(k.as_str(), formals.entries.iter().map(|f| f.name.as_str())));
                    }
                }
            }
            if let Some(slot) = formals.at_slot {
                let _ = env.slot(slot as usize).set(arg);
            }
        }
    }
    Ok(env)
}

/// What `Vm::force_primop_arg_first` found for a call of a builtin.
#[derive(PartialEq, Eq)]
enum BuiltinArgs {
    /// Not a builtin given its last argument.
    NotACall,
    /// A strict argument's frame was pushed; the call runs again after it.
    Pushed,
    /// A strict argument only a native frame can force.
    Native,
    /// Every strict argument is evaluated: the builtin can run.
    Ready,
}

/// The builtin a function value is and the arguments it has been given
/// already (a partial application), if it is one.
fn builtin_call(f: &Value) -> Option<(&'static PrimOpDef, &[Value])> {
    match f {
        Value::PrimOp(op) => Some((*op, &[])),
        Value::PrimOpApp(app) => Some((app.op, &app.args[..])),
        _ => None,
    }
}

/// Where the parts of the `Interpolate` or operands of the `Add` that
/// the innermost bytecode frame is running start (`Proto::part_offsets`);
/// empty if unknown.
fn part_starts(frames: &[Frame]) -> Vec<Pos> {
    let Some(Frame::Code(frame)) = frames.last() else {
        return Vec::new();
    };
    let here = frame.ip as u32 - 1;
    let proto = &frame.proto;
    match proto.part_offsets.binary_search_by_key(&here, |(i, _)| *i) {
        Ok(i) => proto.part_offsets[i]
            .1
            .iter()
            .map(|&offset| Pos {
                source: proto.source.clone(),
                offset,
            })
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// `s.name` on a set without `name`, with Nix's suggestions among the
/// set's attributes.
fn missing_attribute(name: Symbol, attrs: &Attrs) -> Error {
    Error::eval(format!(
        "attribute '{}' missing",
        crate::print::attr_name_text(name.as_str())
    ))
    .suggest(
        name.as_str(),
        attrs.entries().iter().map(|(k, _)| k.as_str()),
    )
}

/// The function in "… called without required argument" messages, as
/// current Nix names it: `function 'f'` after the name it was bound to,
/// `function 'anonymous lambda'` when none.
fn describe_for_call(l: &Lambda) -> String {
    match l.name {
        Some(n) => format!("function '{}'", n),
        None => "function 'anonymous lambda'".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::{EvalOptions, Evaluator, StdIo, Value};
    use std::rc::Rc;

    fn eval(text: &str) -> (Evaluator, crate::Result<Value>) {
        let mut ev = Evaluator::new(EvalOptions::default(), Rc::new(StdIo));
        let r = ev
            .eval_string(text, "«test»", "/")
            .and_then(|v| ev.force_deep(&v));
        (ev, r)
    }

    /// Where an error is reported, as (line, column).
    fn error_at(text: &str) -> Option<(usize, usize)> {
        let (_, r) = eval(text);
        r.err()?.pos.as_ref().map(|p| p.line_col())
    }

    #[test]
    fn a_part_that_cannot_be_coerced_is_reported_at_its_interpolation() {
        // Positions from nix-instantiate 2.8: the `${` of the failing part.
        assert_eq!(error_at(r#""${true}""#), Some((1, 2)));
        assert_eq!(error_at(r#""a ${ true }""#), Some((1, 4)));
        assert_eq!(error_at(r#""a${"b"}${1}""#), Some((1, 9)));
        assert_eq!(error_at(r#""x${{ outPath = 1; }}""#), Some((1, 3)));
        assert_eq!(error_at("let f = x: \"${x}\"; in f true"), Some((1, 13)));
        assert_eq!(error_at("''\n  x ${1}\n''"), Some((2, 5)));
    }

    #[test]
    fn an_operand_of_plus_that_cannot_be_added_is_reported_where_it_starts() {
        // Positions from nix-instantiate 2.8.
        assert_eq!(error_at(r#"1 + "a""#), Some((1, 5)));
        assert_eq!(error_at(r#""a" + 1"#), Some((1, 7)));
        assert_eq!(error_at("true + 1"), Some((1, 1)));
        assert_eq!(error_at(r#"(2 + "x") + 1"#), Some((1, 6)));
        assert_eq!(error_at(r#"let x = "a"; in 1 +   x"#), Some((1, 23)));
        assert_eq!(error_at("/a + [ \"b\" ]"), Some((1, 6)));
        assert_eq!(error_at(r#""a" + { outPath = 1; }"#), Some((1, 7)));
    }

    #[test]
    fn frames_and_stack_are_empty_after_success_and_error() {
        let (mut ev, r) = eval("let f = n: if n == 0 then 0 else 1 + f (n - 1); in f 1000");
        assert!(matches!(r, Ok(Value::Int(1000))));
        assert!(ev.vm().frames.is_empty() && ev.vm().stack.is_empty());
        let (mut ev, r) =
            eval("let f = n: if n == 0 then throw \"x\" else 1 + f (n - 1); in f 1000");
        assert!(r.is_err());
        assert!(ev.vm().frames.is_empty() && ev.vm().stack.is_empty());
        assert_eq!(ev.vm().tail_calls, 0);
    }

    #[test]
    fn a_thunk_that_failed_fails_again_when_forced_again() {
        // tryEval catches the first failure; the thunk must not be left
        // marked as being forced ("infinite recursion").
        let (_, r) = eval("let x = throw \"boom\"; in [ (builtins.tryEval x).success x ]");
        let e = r.err().expect("second force throws");
        assert_eq!(e.message, "boom");
    }

    #[test]
    fn catchable_errors_stop_at_try_eval_and_others_do_not() {
        let (_, r) = eval("(builtins.tryEval (assert false; 1)).success");
        assert!(matches!(r, Ok(Value::Bool(false))));
        let (_, r) = eval("(builtins.tryEval (abort \"no\")).success");
        assert_eq!(r.err().map(|e| e.kind), Some(crate::ErrorKind::Abort));
    }

    #[test]
    fn continuations_nest() {
        // foldl' calling a lambda that compares lists (a continuation
        // inside a continuation).
        let (_, r) = eval("builtins.foldl' (a: b: a && [ b ] == [ b ]) true [ 1 2 3 ]");
        assert!(matches!(r, Ok(Value::Bool(true))));
    }
}

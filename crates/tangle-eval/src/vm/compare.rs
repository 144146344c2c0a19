//! `==` and `<` on Nix values.
//!
//! Equality follows Nix: numbers compare across int/float, strings by bytes
//! (ignoring context), functions are never equal, sets that are both
//! derivations compare by `outPath`, and inside lists and sets two entries
//! holding the very same value are equal without looking further (after both
//! are forced). Deep structures are walked with an explicit work list, never
//! with Rust recursion.

use super::{Cont, Step, Vm};
use crate::error::{type_error, Result};
use crate::gc::{Gc, Trace, Tracer};
use crate::symbol::{Known, Symbol};
use crate::value::{Attrs, Value};

/// Equality without evaluation, when both sides are forced scalars.
pub fn equal_fast(a: &Value, b: &Value) -> Option<bool> {
    let a = if let Value::Thunk(_) = a {
        a.shallow()
    } else {
        *a
    };
    let b = if let Value::Thunk(_) = b {
        b.shallow()
    } else {
        *b
    };
    scalar_eq(&a, &b)
}

fn scalar_eq(a: &Value, b: &Value) -> Option<bool> {
    Some(match (a, b) {
        (Value::Thunk(_), _) | (_, Value::Thunk(_)) => return None,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Int(x), Value::Float(y)) => (*x as f64) == *y,
        (Value::Float(x), Value::Int(y)) => *x == (*y as f64),
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Null, Value::Null) => true,
        (Value::String(x), Value::String(y)) => x.bytes == y.bytes,
        (Value::Path(x), Value::Path(y)) => x.path == y.path,
        (Value::List(x), Value::List(y)) => {
            if x.len() != y.len() {
                false
            } else if x.is_empty() {
                true
            } else {
                return None;
            }
        }
        (Value::Attrs(_), Value::Attrs(_)) => return None,
        _ => false,
    })
}

/// Are these the very same heap value (Nix's pointer-equality shortcut)?
pub fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Thunk(x), Value::Thunk(y)) => Gc::ptr_eq(x, y),
        (Value::Attrs(x), Value::Attrs(y)) => Gc::ptr_eq(x, y),
        (Value::List(x), Value::List(y)) => Gc::ptr_eq(x, y),
        (Value::Closure(x), Value::Closure(y)) => Gc::ptr_eq(x, y),
        (Value::PrimOpApp(x), Value::PrimOpApp(y)) => Gc::ptr_eq(x, y),
        (Value::String(x), Value::String(y)) => Gc::ptr_eq(x, y),
        // A builtin is one value wherever it is bound (`abort`,
        // `builtins.abort` once forced from the set: Nix's one `Value`).
        (Value::PrimOp(x), Value::PrimOp(y)) => std::ptr::eq(*x, *y),
        _ => false,
    }
}

/// Run `f` on the value in WHNF without cloning it, if it is forced.
fn with_whnf<R>(v: &Value, f: impl FnOnce(&Value) -> R) -> Option<R> {
    match v {
        Value::Thunk(t) => t.value().map(|x| f(&x)),
        x => Some(f(x)),
    }
}

/// Is `a` a derivation (`type = "derivation"`)? None: its `type` is not
/// forced yet, and this is the value to force.
fn attr_is_derivation(a: &Attrs) -> std::result::Result<bool, Value> {
    match a.get(Symbol::known(Known::Type)) {
        None => Ok(false),
        Some(t) => match with_whnf(
            t,
            |t| matches!(t, Value::String(s) if &*s.bytes == b"derivation"),
        ) {
            Some(d) => Ok(d),
            None => Err(*t),
        },
    }
}

/// One level of the walk: a pair of containers being compared element by
/// element, or a single pair (the operands, or two derivations' `outPath`).
pub(super) enum Level {
    Lists(Gc<Vec<Value>>, Gc<Vec<Value>>, usize),
    Attrs(Gc<Attrs>, Gc<Attrs>, usize),
    /// `nested`: the pair sits inside a list or set, where the very same
    /// value on both sides is equal without a look inside.
    One(Value, Value, bool),
}

impl Trace for Level {
    fn trace(&self, t: &mut Tracer) {
        match self {
            Level::Lists(a, b, _) => {
                t.mark(*a);
                t.mark(*b);
            }
            Level::Attrs(a, b, _) => {
                t.mark(*a);
                t.mark(*b);
            }
            Level::One(a, b, _) => {
                a.trace(t);
                b.trace(t);
            }
        }
    }
}

/// `==` (or `!=`) on two values, depth first and in order, like Nix: the
/// elements of lists and the attributes of sets (name, then value, in name
/// order) are compared one pair at a time, each side forced when its pair
/// is reached, and the first difference decides. The walk is a stack of
/// [`Level`]s, so deep structures need no Rust recursion, and elements are
/// looked at in place, without copying them.
pub struct Equal {
    /// The operands, until the walk starts.
    root: Option<Level>,
    /// The walk's stack: borrowed from the VM while it runs (a deep
    /// comparison grows it once, not once per `==`).
    levels: Vec<Level>,
    negate: bool,
}

impl Equal {
    pub fn new(a: Value, b: Value, negate: bool) -> Equal {
        Equal {
            root: Some(Level::One(a, b, false)),
            levels: Vec::new(),
            negate,
        }
    }

    /// Two values found inside lists or sets.
    fn nested(a: Value, b: Value) -> Equal {
        Equal {
            root: Some(Level::One(a, b, true)),
            levels: Vec::new(),
            negate: false,
        }
    }

    /// The walk is over with this result: give the stack back to the VM.
    fn finish(&mut self, vm: &mut Vm, equal: bool) -> Result<Step> {
        self.levels.clear();
        if self.levels.capacity() > vm.equal_levels.capacity() {
            vm.equal_levels = std::mem::take(&mut self.levels);
        }
        Ok(Step::Done(Value::Bool(equal != self.negate)))
    }

    /// The current pair is equal: go on with the next one.
    fn advance(&mut self) {
        match self.levels.last_mut() {
            Some(Level::Lists(_, _, i)) | Some(Level::Attrs(_, _, i)) => *i += 1,
            Some(Level::One(..)) => {
                self.levels.pop();
                self.advance_parent();
            }
            None => {}
        }
    }

    /// A level is finished (all equal): advance the one below it.
    fn advance_parent(&mut self) {
        // Finished `One` levels are popped as they finish, so this loop
        // only ever pops those.
        while let Some(Level::One(..)) = self.levels.last() {
            self.levels.pop();
        }
        if let Some(Level::Lists(_, _, i)) | Some(Level::Attrs(_, _, i)) = self.levels.last_mut() {
            *i += 1;
        }
    }
}

/// What to do with the current pair.
enum Next {
    Equal,
    Differ,
    Force(Value),
    Push(Level),
}

/// Compare one pair as far as it can be without going inside containers.
#[inline]
fn compare_pair(a: &Value, b: &Value, nested: bool) -> Next {
    // Each side's value in WHNF (nothing here evaluates).
    let x = match a {
        Value::Thunk(t) => match t.value() {
            Some(x) => x,
            None => return Next::Force(*a),
        },
        x => *x,
    };
    let y = match b {
        Value::Thunk(t) => match t.value() {
            Some(y) => y,
            None => return Next::Force(*b),
        },
        y => *y,
    };
    // Both are forced first (errors surface), then identity decides.
    if nested && same_value(a, b) {
        return Next::Equal;
    }
    match (&x, &y) {
        (Value::List(p), Value::List(q)) => {
            if p.len() != q.len() {
                Next::Differ
            } else if p.is_empty() {
                Next::Equal
            } else {
                Next::Push(Level::Lists(*p, *q, 0))
            }
        }
        (Value::Attrs(p), Value::Attrs(q)) => attrs_pair(p, q),
        _ => match scalar_eq(&x, &y) {
            Some(true) => Next::Equal,
            _ => Next::Differ,
        },
    }
}

/// Two sets: derivations compare by `outPath` (each side's `type` forced
/// as Nix does: the right one only if the left is a derivation), others
/// by size, then attribute by attribute.
fn attrs_pair(p: &Gc<Attrs>, q: &Gc<Attrs>) -> Next {
    let dp = match attr_is_derivation(p) {
        Ok(d) => d,
        Err(t) => return Next::Force(t),
    };
    let dq = if dp {
        match attr_is_derivation(q) {
            Ok(d) => d,
            Err(t) => return Next::Force(t),
        }
    } else {
        false
    };
    if dp && dq {
        if let (Some(x), Some(y)) = (
            p.get(Symbol::known(Known::OutPath)),
            q.get(Symbol::known(Known::OutPath)),
        ) {
            return Next::Push(Level::One(*x, *y, true));
        }
    }
    if p.len() != q.len() {
        return Next::Differ;
    }
    Next::Push(Level::Attrs(*p, *q, 0))
}

impl Cont for Equal {
    fn trace(&self, t: &mut Tracer) {
        self.root.trace(t);
        self.levels.trace(t);
    }
    fn resume(&mut self, vm: &mut Vm, _input: Value) -> Result<Step> {
        if let Some(root) = self.root.take() {
            self.levels = std::mem::take(&mut vm.equal_levels);
            self.levels.push(root);
        }
        loop {
            let next = match self.levels.last() {
                None => return self.finish(vm, true),
                Some(Level::Lists(x, y, i)) => match (x.get(*i), y.get(*i)) {
                    (Some(a), Some(b)) => compare_pair(a, b, true),
                    _ => {
                        self.levels.pop();
                        self.advance_parent();
                        continue;
                    }
                },
                Some(Level::Attrs(x, y, i)) => match (x.entries().get(*i), y.entries().get(*i)) {
                    (Some((ka, a)), Some((kb, b))) => {
                        if ka != kb {
                            Next::Differ
                        } else {
                            compare_pair(a, b, true)
                        }
                    }
                    _ => {
                        self.levels.pop();
                        self.advance_parent();
                        continue;
                    }
                },
                Some(Level::One(a, b, nested)) => compare_pair(a, b, *nested),
            };
            match next {
                Next::Equal => self.advance(),
                Next::Differ => return self.finish(vm, false),
                Next::Force(v) => return Ok(Step::Force(v)),
                // A `One` pushed here (two derivations' `outPath`) stands
                // for the pair below it: when it finishes, both go.
                Next::Push(level) => self.levels.push(level),
            }
        }
    }
}

/// `a < b` without evaluation, or an error, or None for lists.
pub fn less_than_fast(a: &Value, b: &Value) -> Result<Option<bool>> {
    Ok(Some(match (a, b) {
        (Value::Int(x), Value::Int(y)) => x < y,
        (Value::Float(x), Value::Float(y)) => x < y,
        (Value::Int(x), Value::Float(y)) => (*x as f64) < *y,
        (Value::Float(x), Value::Int(y)) => *x < (*y as f64),
        (Value::String(x), Value::String(y)) => x.bytes < y.bytes,
        (Value::Path(x), Value::Path(y)) => x.path < y.path,
        (Value::List(_), Value::List(_)) => return Ok(None),
        (Value::Thunk(_), _) | (_, Value::Thunk(_)) => return Ok(None),
        _ => return Err(type_error::cannot_compare(a, b)),
    }))
}

/// `a < b` on lists: the first elements that differ decide.
pub struct LessThan {
    a: Value,
    b: Value,
    negate: bool,
    index: usize,
    state: u8,
}

impl LessThan {
    pub fn new(a: Value, b: Value, negate: bool) -> LessThan {
        LessThan {
            a,
            b,
            negate,
            index: 0,
            state: 0,
        }
    }
}

impl Cont for LessThan {
    fn trace(&self, t: &mut Tracer) {
        self.a.trace(t);
        self.b.trace(t);
    }
    fn resume(&mut self, _vm: &mut Vm, input: Value) -> Result<Step> {
        loop {
            if !self.a.is_forced() {
                return Ok(Step::Force(self.a));
            }
            if !self.b.is_forced() {
                return Ok(Step::Force(self.b));
            }
            let (a, b) = (self.a.shallow(), self.b.shallow());
            if let Some(r) = less_than_fast(&a, &b)? {
                return Ok(Step::Done(Value::Bool(r != self.negate)));
            }
            let (x, y) = match (&a, &b) {
                (Value::List(x), Value::List(y)) => (*x, *y),
                _ => unreachable!("less_than_fast decides everything but lists"),
            };
            match self.state {
                0 => {
                    if self.index == y.len() {
                        return Ok(Step::Done(Value::Bool(self.negate)));
                    }
                    if self.index == x.len() {
                        return Ok(Step::Done(Value::Bool(!self.negate)));
                    }
                    self.state = 1;
                    return Ok(Step::Sub(Box::new(Equal::nested(
                        x[self.index],
                        y[self.index],
                    ))));
                }
                1 => {
                    if let Value::Bool(true) = input {
                        self.index += 1;
                        self.state = 0;
                        continue;
                    }
                    self.state = 2;
                    return Ok(Step::Sub(Box::new(LessThan::new(
                        x[self.index],
                        y[self.index],
                        false,
                    ))));
                }
                _ => {
                    let r = matches!(input, Value::Bool(true));
                    return Ok(Step::Done(Value::Bool(r != self.negate)));
                }
            }
        }
    }
}

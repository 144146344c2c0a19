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
use crate::value::{ThunkState, Value};
use std::rc::Rc;

/// Equality without evaluation, when both sides are forced scalars.
pub fn equal_fast(a: &Value, b: &Value) -> Option<bool> {
    let a = if let Value::Thunk(_) = a {
        a.shallow()
    } else {
        a.clone()
    };
    let b = if let Value::Thunk(_) = b {
        b.shallow()
    } else {
        b.clone()
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
        (Value::Thunk(x), Value::Thunk(y)) => Rc::ptr_eq(x, y),
        (Value::Attrs(x), Value::Attrs(y)) => Rc::ptr_eq(x, y),
        (Value::List(x), Value::List(y)) => Rc::ptr_eq(x, y),
        (Value::Closure(x), Value::Closure(y)) => Rc::ptr_eq(x, y),
        (Value::PrimOpApp(x), Value::PrimOpApp(y)) => Rc::ptr_eq(x, y),
        (Value::String(x), Value::String(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

fn attr_is_derivation(v: &Value) -> Option<bool> {
    // None: the `type` attribute is not forced yet.
    if let Value::Attrs(a) = v {
        match a.get_str("type") {
            None => Some(false),
            Some(t) if !t.is_forced() => None,
            Some(t) => Some(matches!(t.shallow(), Value::String(s) if &*s.bytes == b"derivation")),
        }
    } else {
        Some(false)
    }
}

pub struct Equal {
    work: Vec<(Value, Value, bool)>,
    negate: bool,
}

impl Equal {
    pub fn new(a: Value, b: Value, negate: bool) -> Equal {
        Equal {
            work: vec![(a, b, false)],
            negate,
        }
    }
}

/// Run `f` on the value in WHNF without cloning it, if it is forced.
fn with_whnf<R>(v: &Value, f: impl FnOnce(&Value) -> R) -> Option<R> {
    match v {
        Value::Thunk(t) => match &*t.state.borrow() {
            ThunkState::Done(x) => Some(f(x)),
            _ => None,
        },
        x => Some(f(x)),
    }
}

impl Equal {
    /// Queue the element pairs of two containers, in order. Pairs already
    /// decided without evaluation (forced scalars, the very same value) are
    /// settled here instead of queued. Returns false if the containers are
    /// known to differ: a differing pair with nothing queued before it.
    fn push_children<'a>(&mut self, pairs: impl Iterator<Item = (&'a Value, &'a Value)>) -> bool {
        let start = self.work.len();
        for (p, q) in pairs {
            let quick = if same_value(p, q) && p.is_forced() {
                Some(true)
            } else {
                with_whnf(p, |x| with_whnf(q, |y| scalar_eq(x, y)))
                    .flatten()
                    .flatten()
            };
            match quick {
                Some(true) => {}
                // A difference decides at once unless an earlier pair still
                // has to be looked at (it may fail first, as in Nix).
                Some(false) if self.work.len() == start => return false,
                _ => self.work.push((p.clone(), q.clone(), true)),
            }
        }
        // The work list is a stack: first pair on top.
        self.work[start..].reverse();
        true
    }
}

impl Cont for Equal {
    fn resume(&mut self, _vm: &mut Vm, _input: Value) -> Result<Step> {
        while let Some((a, b, nested)) = self.work.pop() {
            let fa = match a.whnf() {
                Some(v) => v,
                None => {
                    let force = a.clone();
                    self.work.push((a, b, nested));
                    return Ok(Step::Force(force));
                }
            };
            let fb = match b.whnf() {
                Some(v) => v,
                None => {
                    let force = b.clone();
                    self.work.push((a, b, nested));
                    return Ok(Step::Force(force));
                }
            };
            // Both are forced first (errors surface), then identity decides.
            if nested && same_value(&a, &b) {
                continue;
            }
            if let Some(r) = scalar_eq(&fa, &fb) {
                if !r {
                    return Ok(Step::Done(Value::Bool(self.negate)));
                }
                continue;
            }
            match (&fa, &fb) {
                (Value::List(x), Value::List(y)) => {
                    if !self.push_children(x.iter().zip(y.iter())) {
                        return Ok(Step::Done(Value::Bool(self.negate)));
                    }
                }
                (Value::Attrs(x), Value::Attrs(y)) => {
                    // Both derivations? (forces `type` of each, left first)
                    let da = match attr_is_derivation(&fa) {
                        None => {
                            let t = x.get_str("type").cloned().unwrap_or(Value::Null);
                            self.work.push((fa, fb, nested));
                            return Ok(Step::Force(t));
                        }
                        Some(d) => d,
                    };
                    let db = if da {
                        match attr_is_derivation(&fb) {
                            None => {
                                let t = y.get_str("type").cloned().unwrap_or(Value::Null);
                                self.work.push((fa, fb, nested));
                                return Ok(Step::Force(t));
                            }
                            Some(d) => d,
                        }
                    } else {
                        false
                    };
                    if da && db {
                        if let (Some(p), Some(q)) = (x.get_str("outPath"), y.get_str("outPath")) {
                            self.work.push((p.clone(), q.clone(), true));
                            continue;
                        }
                    }
                    if x.len() != y.len()
                        || x.entries
                            .iter()
                            .zip(y.entries.iter())
                            .any(|(p, q)| p.0 != q.0)
                    {
                        return Ok(Step::Done(Value::Bool(self.negate)));
                    }
                    if !self.push_children(
                        x.entries
                            .iter()
                            .zip(y.entries.iter())
                            .map(|(p, q)| (&p.1, &q.1)),
                    ) {
                        return Ok(Step::Done(Value::Bool(self.negate)));
                    }
                }
                _ => return Ok(Step::Done(Value::Bool(self.negate))),
            }
        }
        Ok(Step::Done(Value::Bool(!self.negate)))
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
    fn resume(&mut self, _vm: &mut Vm, input: Value) -> Result<Step> {
        loop {
            if !self.a.is_forced() {
                return Ok(Step::Force(self.a.clone()));
            }
            if !self.b.is_forced() {
                return Ok(Step::Force(self.b.clone()));
            }
            let (a, b) = (self.a.shallow(), self.b.shallow());
            if let Some(r) = less_than_fast(&a, &b)? {
                return Ok(Step::Done(Value::Bool(r != self.negate)));
            }
            let (x, y) = match (&a, &b) {
                (Value::List(x), Value::List(y)) => (x.clone(), y.clone()),
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
                    return Ok(Step::Sub(Box::new(Equal {
                        work: vec![(x[self.index].clone(), y[self.index].clone(), true)],
                        negate: false,
                    })));
                }
                1 => {
                    if let Value::Bool(true) = input {
                        self.index += 1;
                        self.state = 0;
                        continue;
                    }
                    self.state = 2;
                    return Ok(Step::Sub(Box::new(LessThan::new(
                        x[self.index].clone(),
                        y[self.index].clone(),
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

//! `builtins.genericClosure`: the closure of a start set under an operator,
//! with elements told apart by their `key`.
//!
//! As in Nix, the work list is first in, first out; an element is forced
//! (and its `key`) when it is taken from the list, and the elements the
//! operator returns are forced as soon as the operator's list is there.
//! Keys are equal when neither is less than the other under `<`
//! (so `1` and `1.0` are the same key), and keys that `<` cannot compare
//! are an error ("cannot compare a string with an integer; values are
//! \"a\" and 1": the new key first, then the first key seen), except that
//! the very first key is never compared.
//!
//! The order of the first steps is current Nix's: `startSet` is forced, an
//! empty one is the result (the operator need not exist), then the
//! operator is forced and must be a function, before any element is.

use super::super::{attrset, function, list};
use super::missing;
use crate::error::type_error::cannot_compare;
use crate::error::Result;
use crate::gc::{Gc, Trace, Tracer};
use crate::value::{Attrs, Value};
use crate::vm::compare::LessThan;
use crate::vm::{Cont, Step, Vm};
use rustc_hash::FxHashSet as HashSet;
use std::cmp::Ordering;
use std::collections::{BTreeSet, VecDeque};

pub fn generic_closure(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let args = attrset(&a[0])?;
    let start = match args.get_str("startSet") {
        Some(s) => *s,
        None => return Err(missing("startSet")),
    };
    Ok(PrimRet::Cont(Box::new(GenericClosure {
        args,
        state: State::Start(start),
        op: Value::Null,
        work: VecDeque::new(),
        keys: Keys::Empty,
        done: Vec::new(),
    })))
}

use super::super::PrimRet;

/// A number key: integers compare exactly, anything with a float as
/// floats (NaN is equal to everything, as `<` says).
#[derive(Clone, Copy)]
enum Num {
    Int(i64),
    Float(f64),
}

impl Num {
    fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }
}

impl Ord for Num {
    fn cmp(&self, other: &Num) -> Ordering {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a.cmp(b),
            _ => self
                .as_f64()
                .partial_cmp(&other.as_f64())
                .unwrap_or(Ordering::Equal),
        }
    }
}

impl PartialOrd for Num {
    fn partial_cmp(&self, other: &Num) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Num {
    fn eq(&self, other: &Num) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Num {}

/// The keys seen so far. They all have one kind, since `<` fails across
/// kinds; the `Value` is the first key, which a key of another kind is
/// compared with (and shown) in the error, as Nix does.
enum Keys {
    Empty,
    Ints(HashSet<i64>, Value),
    Nums(BTreeSet<Num>, Value),
    Strings(HashSet<Box<[u8]>>, Value),
    Paths(HashSet<String>, Value),
    /// Lists compare element by element (which may evaluate them), so they
    /// are kept sorted and searched with `<` run on the VM.
    Lists(Vec<Value>),
    /// One key of a type `<` does not order: any second key is an error.
    Single(Value),
}

impl Trace for Keys {
    fn trace(&self, t: &mut Tracer) {
        match self {
            Keys::Empty => {}
            Keys::Ints(_, v)
            | Keys::Nums(_, v)
            | Keys::Strings(_, v)
            | Keys::Paths(_, v)
            | Keys::Single(v) => v.trace(t),
            Keys::Lists(l) => l.trace(t),
        }
    }
}

enum Insert {
    New,
    Seen,
    /// Lists: compare with the VM.
    Search,
}

impl Keys {
    fn insert(&mut self, key: &Value) -> Result<Insert> {
        let fresh = |b: bool| if b { Insert::New } else { Insert::Seen };
        match (&mut *self, key) {
            (Keys::Empty, _) => {
                let ty = *key;
                *self = match key {
                    Value::Int(i) => Keys::Ints(HashSet::from_iter([*i]), ty),
                    Value::Float(f) => Keys::Nums(BTreeSet::from([Num::Float(*f)]), ty),
                    Value::String(s) => Keys::Strings(HashSet::from_iter([s.bytes.clone()]), ty),
                    Value::Path(p) => Keys::Paths(HashSet::from_iter([p.path.clone()]), ty),
                    Value::List(_) => Keys::Lists(vec![*key]),
                    _ => Keys::Single(ty),
                };
                Ok(Insert::New)
            }
            (Keys::Ints(set, _), Value::Int(i)) => Ok(fresh(set.insert(*i))),
            (Keys::Ints(set, ty), Value::Float(f)) => {
                let mut nums: BTreeSet<Num> = set.iter().map(|i| Num::Int(*i)).collect();
                let new = nums.insert(Num::Float(*f));
                *self = Keys::Nums(nums, std::mem::replace(ty, Value::Null));
                Ok(fresh(new))
            }
            (Keys::Nums(set, _), Value::Int(i)) => Ok(fresh(set.insert(Num::Int(*i)))),
            (Keys::Nums(set, _), Value::Float(f)) => Ok(fresh(set.insert(Num::Float(*f)))),
            (Keys::Strings(set, _), Value::String(s)) => Ok(fresh(set.insert(s.bytes.clone()))),
            (Keys::Paths(set, _), Value::Path(p)) => Ok(fresh(set.insert(p.path.clone()))),
            (Keys::Lists(_), Value::List(_)) => Ok(Insert::Search),
            (Keys::Lists(l), _) => {
                // Never empty: it starts with the first key.
                let first = l
                    .first()
                    .cloned()
                    .unwrap_or_else(|| Value::list(Vec::new()));
                Err(cannot_compare(key, &first))
            }
            (
                Keys::Ints(_, ty)
                | Keys::Nums(_, ty)
                | Keys::Strings(_, ty)
                | Keys::Paths(_, ty)
                | Keys::Single(ty),
                _,
            ) => Err(cannot_compare(key, ty)),
        }
    }
}

enum State {
    /// Force `startSet`.
    Start(Value),
    /// `startSet` is being forced.
    StartSet,
    /// The operator is being forced.
    Operator,
    /// Take the next element from the work list.
    Next,
    /// This element is being forced.
    Element(Value),
    /// This element's key is being forced.
    Key(Value, Value),
    /// Binary search of a list key among the sorted list keys:
    /// `lo..hi` is still open; `asked_at` is the index being compared.
    Search {
        elem: Value,
        key: Value,
        lo: usize,
        hi: usize,
        asked_at: usize,
        /// Searching for the first key not less than the new one; then
        /// checking whether the new one is less than it (else: equal).
        checking: bool,
    },
    /// The operator is being called on an element.
    Calling,
    /// The operator's result: its elements are forced in order.
    Results(Gc<Vec<Value>>, usize),
}

impl Trace for State {
    fn trace(&self, t: &mut Tracer) {
        match self {
            State::Start(v) | State::Element(v) => v.trace(t),
            State::Key(a, b)
            | State::Search {
                elem: a, key: b, ..
            } => {
                a.trace(t);
                b.trace(t);
            }
            State::Results(l, _) => t.mark(*l),
            State::StartSet | State::Operator | State::Next | State::Calling => {}
        }
    }
}

struct GenericClosure {
    args: Gc<Attrs>,
    state: State,
    op: Value,
    work: VecDeque<Value>,
    keys: Keys,
    done: Vec<Value>,
}

impl GenericClosure {
    /// The element is new: keep it and call the operator on it.
    fn accept(&mut self, elem: Value) -> Step {
        self.done.push(elem);
        self.state = State::Calling;
        Step::Call(self.op, elem)
    }

    fn lists(&mut self) -> &mut Vec<Value> {
        match &mut self.keys {
            Keys::Lists(l) => l,
            // `Search` only starts once the keys are lists.
            _ => unreachable!("list search without list keys"),
        }
    }
}

impl Cont for GenericClosure {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.args);
        self.state.trace(t);
        self.op.trace(t);
        for v in &self.work {
            v.trace(t);
        }
        self.keys.trace(t);
        self.done.trace(t);
    }
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        loop {
            match std::mem::replace(&mut self.state, State::Next) {
                State::Start(s) => {
                    self.state = State::StartSet;
                    return Ok(Step::Force(s));
                }
                State::StartSet => {
                    self.work = list(&input)?.iter().cloned().collect();
                    // As in current Nix, an empty start set is the result
                    // without looking at the operator.
                    if self.work.is_empty() {
                        return Ok(Step::Done(Value::list(Vec::new())));
                    }
                    let op = match self.args.get_str("operator") {
                        Some(op) => *op,
                        None => return Err(missing("operator")),
                    };
                    self.state = State::Operator;
                    return Ok(Step::Force(op));
                }
                State::Operator => {
                    // Current Nix forces the operator to a function before
                    // it looks at any element.
                    function(&input)?;
                    self.op = input;
                }
                State::Next => {
                    let elem = match self.work.pop_front() {
                        Some(e) => e,
                        None => return Ok(Step::Done(Value::list(std::mem::take(&mut self.done)))),
                    };
                    if !elem.is_forced() {
                        self.state = State::Element(elem);
                        return Ok(Step::Force(elem));
                    }
                    self.state = State::Element(elem);
                }
                State::Element(elem) => {
                    let elem = elem.shallow();
                    let key = match attrset(&elem)?.get_str("key") {
                        Some(k) => *k,
                        None => return Err(missing("key")),
                    };
                    if !key.is_forced() {
                        self.state = State::Key(elem, key);
                        return Ok(Step::Force(key));
                    }
                    self.state = State::Key(elem, key);
                }
                State::Key(elem, key) => {
                    let key = key.shallow();
                    match self.keys.insert(&key)? {
                        Insert::Seen => {}
                        Insert::New => return Ok(self.accept(elem)),
                        Insert::Search => {
                            let hi = self.lists().len();
                            self.state = State::Search {
                                elem,
                                key,
                                lo: 0,
                                hi,
                                asked_at: 0,
                                checking: false,
                            };
                            // Start the search without an answer.
                            if let Some(step) = self.search(None)? {
                                return Ok(step);
                            }
                        }
                    }
                }
                search @ State::Search { .. } => {
                    // `search` takes the state back apart.
                    self.state = search;
                    let less = matches!(input, Value::Bool(true));
                    if let Some(step) = self.search(Some(less))? {
                        return Ok(step);
                    }
                }
                State::Calling => {
                    let results = list(&input)?;
                    self.state = State::Results(results, 0);
                }
                State::Results(results, mut i) => {
                    while let Some(x) = results.get(i) {
                        if !x.is_forced() {
                            let x = *x;
                            self.state = State::Results(results, i);
                            return Ok(Step::Force(x));
                        }
                        self.work.push_back(x.shallow());
                        i += 1;
                    }
                }
            }
        }
    }
}

impl GenericClosure {
    /// One step of the list-key search, given the answer to the last
    /// comparison. Returns the next request, or None when the state moved
    /// on (element accepted via `Calling` is returned as a step too).
    fn search(&mut self, answer: Option<bool>) -> Result<Option<Step>> {
        let (elem, key, mut lo, mut hi, asked_at, checking) =
            match std::mem::replace(&mut self.state, State::Next) {
                State::Search {
                    elem,
                    key,
                    lo,
                    hi,
                    asked_at,
                    checking,
                } => (elem, key, lo, hi, asked_at, checking),
                other => {
                    self.state = other;
                    return Ok(None);
                }
            };
        if checking {
            // Asked whether `key < keys[lo]`.
            if answer == Some(true) {
                self.lists().insert(lo, key);
                return Ok(Some(self.accept(elem)));
            }
            return Ok(None);
        }
        if let Some(less) = answer {
            // Asked whether `keys[asked_at] < key`.
            if less {
                lo = asked_at + 1;
            } else {
                hi = asked_at;
            }
        }
        let keys = self.lists();
        if lo < hi {
            let mid = lo + (hi - lo) / 2;
            let probe = keys[mid];
            self.state = State::Search {
                elem,
                key,
                lo,
                hi,
                asked_at: mid,
                checking: false,
            };
            return Ok(Some(Step::Sub(Box::new(LessThan::new(probe, key, false)))));
        }
        if lo == keys.len() {
            keys.push(key);
            return Ok(Some(self.accept(elem)));
        }
        let probe = keys[lo];
        self.state = State::Search {
            elem,
            key,
            lo,
            hi,
            asked_at: lo,
            checking: true,
        };
        Ok(Some(Step::Sub(Box::new(LessThan::new(key, probe, false)))))
    }
}

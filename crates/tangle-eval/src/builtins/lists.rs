//! List builtins.

mod sort;

pub use sort::sort;

use super::{int, list, ok, PrimRet};
use crate::error::{Error, Result};
use crate::gc::{Gc, Trace, Tracer};
use crate::symbol::Symbol;
use crate::value::{Attrs, Thunk, Value};
use crate::vm::{Cont, Step, Vm};

/// `elemAt list n`: as in Nix, the index is forced (and checked to be an
/// integer) before the list.
pub fn elem_at(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let i = int(&a[1])?;
    force_then(vm, &a[0], a, move |_, l| {
        let l = list(&l)?;
        match usize::try_from(i).ok().and_then(|u| l.get(u)) {
            Some(v) => ok(*v),
            None => Err(Error::eval(format!(
                "'builtins.elemAt' called with index {} on a list of size {}",
                i,
                l.len()
            ))),
        }
    })
}

pub fn head(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let l = list(&a[0])?;
    match l.first() {
        Some(v) => ok(*v),
        None => Err(Error::eval("'builtins.head' called on an empty list")),
    }
}

pub fn tail(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let l = list(&a[0])?;
    if l.is_empty() {
        return Err(Error::eval("'builtins.tail' called on an empty list"));
    }
    ok(Value::list(l[1..].to_vec()))
}

/// `map f list`: as in current Nix, the list is forced first; an empty list
/// is the result as it is, otherwise `f` is forced and must be a function
/// ("expected a function but found ...") before the elements are made.
pub fn map(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let l = list(&a[1])?;
    if l.is_empty() {
        return ok(a[1]);
    }
    force_then(vm, &a[0], a, move |_, f| {
        super::function(&f)?;
        ok(Value::list(l.iter().map(|x| Thunk::apply(f, *x)).collect()))
    })
}

/// `genList f n`: as in current Nix, the length is forced and checked
/// first, then `f` is forced and must be a function, even for length 0.
pub fn gen_list(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let n = int(&a[1])?;
    if n < 0 {
        return Err(Error::eval(format!("cannot create list of size {}", n)));
    }
    force_then(vm, &a[0], a, move |_, f| {
        super::function(&f)?;
        ok(Value::list(
            (0..n).map(|i| Thunk::apply(f, Value::Int(i))).collect(),
        ))
    })
}

pub fn concat_lists(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let outer = list(&a[0])?;
    if outer.iter().all(|x| x.is_forced()) {
        let mut out = Vec::new();
        for x in outer.iter() {
            out.extend(list(&x.shallow())?.iter().cloned());
        }
        return ok(Value::list(out));
    }
    Ok(PrimRet::Cont(Box::new(ConcatLists {
        items: outer.to_vec(),
        index: 0,
    })))
}

struct ConcatLists {
    items: Vec<Value>,
    index: usize,
}

impl Cont for ConcatLists {
    fn trace(&self, t: &mut Tracer) {
        self.items.trace(t);
    }
    fn resume(&mut self, _: &mut Vm, _input: Value) -> Result<Step> {
        while self.index < self.items.len() {
            let x = &self.items[self.index];
            if !x.is_forced() {
                return Ok(Step::Force(*x));
            }
            self.index += 1;
        }
        let mut out = Vec::new();
        for x in &self.items {
            out.extend(list(&x.shallow())?.iter().cloned());
        }
        Ok(Step::Done(Value::list(out)))
    }
}

/// Call `f` on each element in turn and act on each result.
struct EachCall {
    f: Value,
    items: crate::gc::Gc<Vec<Value>>,
    index: usize,
    kind: EachKind,
    out: Vec<Value>,
    waiting: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum EachKind {
    Filter,
    Any,
    All,
    ConcatMap,
}

impl Cont for EachCall {
    fn trace(&self, t: &mut Tracer) {
        self.f.trace(t);
        t.mark(self.items);
        self.out.trace(t);
    }
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        if self.waiting {
            self.waiting = false;
            let x = &self.items[self.index];
            match self.kind {
                EachKind::Filter => {
                    if super::boolean(&input)? {
                        self.out.push(*x);
                    }
                }
                EachKind::Any => {
                    if super::boolean(&input)? {
                        return Ok(Step::Done(Value::Bool(true)));
                    }
                }
                EachKind::All => {
                    if !super::boolean(&input)? {
                        return Ok(Step::Done(Value::Bool(false)));
                    }
                }
                EachKind::ConcatMap => {
                    self.out.extend(list(&input)?.iter().cloned());
                }
            }
            self.index += 1;
        }
        if self.index < self.items.len() {
            self.waiting = true;
            return Ok(Step::Call(self.f, self.items[self.index]));
        }
        Ok(Step::Done(match self.kind {
            EachKind::Any => Value::Bool(false),
            EachKind::All => Value::Bool(true),
            _ => Value::list(std::mem::take(&mut self.out)),
        }))
    }
}

fn each(vm: &mut Vm, a: &mut [Value], kind: EachKind) -> Result<PrimRet> {
    let run = move |f: Value, items: Gc<Vec<Value>>| {
        Ok(PrimRet::Cont(Box::new(EachCall {
            f,
            items,
            index: 0,
            kind,
            out: Vec::new(),
            waiting: false,
        })))
    };
    if kind == EachKind::Filter {
        // Current Nix forces the list first (the VM did), returns an empty
        // one as it is, and only then forces the function.
        let items = list(&a[1])?;
        if items.is_empty() {
            return ok(a[1]);
        }
        return force_then(vm, &a[0], a, move |_, f| {
            super::function(&f)?;
            run(f, items)
        });
    }
    super::function(&a[0])?;
    let f = a[0];
    force_then(vm, &a[1], a, move |_, l| run(f, list(&l)?))
}

pub fn filter(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    each(vm, a, EachKind::Filter)
}
pub fn any(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    each(vm, a, EachKind::Any)
}
pub fn all(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    each(vm, a, EachKind::All)
}
pub fn concat_map(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    each(vm, a, EachKind::ConcatMap)
}

/// Force `v`, then go on with `k`. Where Nix forces a builtin's arguments
/// in another order than the VM's strict mask would (the function before
/// the list for `any`, `foldl'`, ...; the list before the function for
/// `map`, `filter`, `sort`; the index before the list for `elemAt`), the
/// builtin forces the later one itself.
///
/// `k` may hold on to the builtin's arguments `args` (or parts of them)
/// and nothing else that is on the heap: `args` are what the continuation
/// keeps alive for it.
pub(super) fn force_then(
    vm: &mut Vm,
    v: &Value,
    args: &[Value],
    k: impl FnOnce(&mut Vm, Value) -> Result<PrimRet> + 'static,
) -> Result<PrimRet> {
    if v.is_forced() {
        return k(vm, v.shallow());
    }
    Ok(PrimRet::Cont(Box::new(ForceThen {
        v: Some(*v),
        keep: args.iter().copied().collect(),
        k: Some(Box::new(k)),
    })))
}

type Then = Box<dyn FnOnce(&mut Vm, Value) -> Result<PrimRet>>;

struct ForceThen {
    v: Option<Value>,
    /// What `k` holds (its closure cannot be traced).
    keep: crate::value::PrimArgs,
    k: Option<Then>,
}

impl Cont for ForceThen {
    fn trace(&self, t: &mut Tracer) {
        self.v.trace(t);
        self.keep.trace(t);
    }
    fn resume(&mut self, vm: &mut Vm, input: Value) -> Result<Step> {
        if let Some(v) = self.v.take() {
            return Ok(Step::Force(v));
        }
        match self.k.take() {
            Some(k) => match k(vm, input)? {
                PrimRet::Value(v) => Ok(Step::Done(v)),
                PrimRet::Cont(c) => Ok(Step::Sub(c)),
            },
            None => Ok(Step::Done(input)),
        }
    }
}

/// `foldl' op nul list`: strict in the accumulator.
struct Foldl {
    f: Value,
    acc: Value,
    items: crate::gc::Gc<Vec<Value>>,
    index: usize,
    /// 0: start; 1: got the new acc (`f acc element`).
    state: u8,
}

impl Cont for Foldl {
    fn trace(&self, t: &mut Tracer) {
        self.f.trace(t);
        self.acc.trace(t);
        t.mark(self.items);
    }
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        if self.state == 1 {
            self.acc = input;
            self.index += 1;
        }
        if self.index < self.items.len() {
            self.state = 1;
            return Ok(Step::Call2(self.f, self.acc, self.items[self.index]));
        }
        Ok(Step::Done(self.acc))
    }
}

pub fn foldl(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    super::function(&a[0])?;
    let (f, acc) = (a[0], a[1]);
    force_then(vm, &a[2], a, move |_, l| {
        let items = list(&l)?;
        if items.is_empty() {
            return ok(acc);
        }
        Ok(PrimRet::Cont(Box::new(Foldl {
            f,
            acc,
            items,
            index: 0,
            state: 0,
        })))
    })
}

/// `elem x list`: deep equality against each element.
struct Elem {
    x: Value,
    items: crate::gc::Gc<Vec<Value>>,
    index: usize,
    waiting: bool,
}

impl Cont for Elem {
    fn trace(&self, t: &mut Tracer) {
        self.x.trace(t);
        t.mark(self.items);
    }
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        if self.waiting {
            self.waiting = false;
            if let Value::Bool(true) = input {
                return Ok(Step::Done(Value::Bool(true)));
            }
            self.index += 1;
        }
        if self.index < self.items.len() {
            self.waiting = true;
            return Ok(Step::Sub(Box::new(crate::vm::compare::Equal::new(
                self.x,
                self.items[self.index],
                false,
            ))));
        }
        Ok(Step::Done(Value::Bool(false)))
    }
}

pub fn elem(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let items = list(&a[1])?;
    Ok(PrimRet::Cont(Box::new(Elem {
        x: a[0],
        items,
        index: 0,
        waiting: false,
    })))
}

pub fn less_than(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    match crate::vm::compare::less_than_fast(&a[0], &a[1])? {
        Some(r) => ok(Value::Bool(r)),
        None => Ok(PrimRet::Cont(Box::new(crate::vm::compare::LessThan::new(
            a[0], a[1], false,
        )))),
    }
}

/// `partition pred list`: `{ right; wrong; }`. Nix forces each element
/// before calling the predicate on it.
pub fn partition(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    super::function(&a[0])?;
    let f = a[0];
    force_then(vm, &a[1], a, move |_, l| {
        Ok(PrimRet::Cont(Box::new(Partition {
            f,
            items: list(&l)?,
            index: 0,
            right: Vec::new(),
            wrong: Vec::new(),
            state: 0,
        })))
    })
}

struct Partition {
    f: Value,
    items: Gc<Vec<Value>>,
    index: usize,
    right: Vec<Value>,
    wrong: Vec<Value>,
    /// 0: force the element; 1: call the predicate; 2: got its answer.
    state: u8,
}

impl Cont for Partition {
    fn trace(&self, t: &mut Tracer) {
        self.f.trace(t);
        t.mark(self.items);
        self.right.trace(t);
        self.wrong.trace(t);
    }
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        while let Some(x) = self.items.get(self.index).cloned() {
            match self.state {
                0 => {
                    self.state = 1;
                    if !x.is_forced() {
                        return Ok(Step::Force(x));
                    }
                }
                1 => {
                    self.state = 2;
                    return Ok(Step::Call(self.f, x));
                }
                _ => {
                    if super::boolean(&input)? {
                        self.right.push(x);
                    } else {
                        self.wrong.push(x);
                    }
                    self.state = 0;
                    self.index += 1;
                }
            }
        }
        Ok(Step::Done(Value::attrs(Attrs::from_sorted(vec![
            (
                Symbol::new("right"),
                Value::list(std::mem::take(&mut self.right)),
            ),
            (
                Symbol::new("wrong"),
                Value::list(std::mem::take(&mut self.wrong)),
            ),
        ]))))
    }
}

/// `groupBy f list`: elements by the name `f` gives them, in list order.
pub fn group_by(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    super::function(&a[0])?;
    let f = a[0];
    force_then(vm, &a[1], a, move |_, l| {
        Ok(PrimRet::Cont(Box::new(GroupBy {
            f,
            items: list(&l)?,
            index: 0,
            groups: std::collections::HashMap::new(),
            waiting: false,
        })))
    })
}

struct GroupBy {
    f: Value,
    items: Gc<Vec<Value>>,
    index: usize,
    groups: std::collections::HashMap<Symbol, Vec<Value>>,
    waiting: bool,
}

impl Cont for GroupBy {
    fn trace(&self, t: &mut Tracer) {
        self.f.trace(t);
        t.mark(self.items);
        self.groups.trace(t);
    }
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        if self.waiting {
            self.waiting = false;
            let name = super::string_no_context(&input)?;
            let key = Symbol::new(&name.as_str_lossy());
            self.groups
                .entry(key)
                .or_default()
                .push(self.items[self.index]);
            self.index += 1;
        }
        if let Some(x) = self.items.get(self.index) {
            self.waiting = true;
            return Ok(Step::Call(self.f, *x));
        }
        let entries = std::mem::take(&mut self.groups)
            .into_iter()
            .map(|(k, v)| (k, Value::list(v)))
            .collect();
        Ok(Step::Done(Value::attrs(Attrs::from_unsorted(entries))))
    }
}

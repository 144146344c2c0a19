//! List builtins.

use super::{int, list, ok, PrimRet};
use crate::error::{Error, Result};
use crate::value::{Thunk, Value};
use crate::vm::{Cont, Step, Vm};

pub fn elem_at(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let l = list(&a[0])?;
    let i = int(&a[1])?;
    if i < 0 || i as usize >= l.len() {
        return Err(Error::eval(format!("list index {} is out of bounds", i)));
    }
    ok(l[i as usize].clone())
}

pub fn head(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let l = list(&a[0])?;
    match l.first() {
        Some(v) => ok(v.clone()),
        None => Err(Error::eval("list index 0 is out of bounds")),
    }
}

pub fn tail(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let l = list(&a[0])?;
    if l.is_empty() {
        return Err(Error::eval("'tail' called on an empty list"));
    }
    ok(Value::list(l[1..].to_vec()))
}

pub fn map(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let l = list(&a[1])?;
    let f = &a[0];
    ok(Value::list(
        l.iter()
            .map(|x| Thunk::apply(f.clone(), x.clone()))
            .collect(),
    ))
}

pub fn gen_list(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let n = int(&a[1])?;
    if n < 0 {
        return Err(Error::eval(format!("cannot create list of size {}", n)));
    }
    let f = &a[0];
    ok(Value::list(
        (0..n)
            .map(|i| Thunk::apply(f.clone(), Value::Int(i)))
            .collect(),
    ))
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
    fn resume(&mut self, _: &mut Vm, _input: Value) -> Result<Step> {
        while self.index < self.items.len() {
            let x = &self.items[self.index];
            if !x.is_forced() {
                return Ok(Step::Force(x.clone()));
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
    items: std::rc::Rc<Vec<Value>>,
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
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        if self.waiting {
            self.waiting = false;
            let x = &self.items[self.index];
            match self.kind {
                EachKind::Filter => {
                    if super::boolean(&input)? {
                        self.out.push(x.clone());
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
            return Ok(Step::Call(self.f.clone(), self.items[self.index].clone()));
        }
        Ok(Step::Done(match self.kind {
            EachKind::Any => Value::Bool(false),
            EachKind::All => Value::Bool(true),
            _ => Value::list(std::mem::take(&mut self.out)),
        }))
    }
}

fn each(a: &mut [Value], kind: EachKind) -> Result<PrimRet> {
    super::function(&a[0])?;
    let items = list(&a[1])?;
    Ok(PrimRet::Cont(Box::new(EachCall {
        f: a[0].clone(),
        items,
        index: 0,
        kind,
        out: Vec::new(),
        waiting: false,
    })))
}

pub fn filter(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    each(a, EachKind::Filter)
}
pub fn any(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    each(a, EachKind::Any)
}
pub fn all(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    each(a, EachKind::All)
}
pub fn concat_map(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    each(a, EachKind::ConcatMap)
}

/// `foldl' op nul list`: strict in the accumulator.
struct Foldl {
    f: Value,
    acc: Value,
    items: std::rc::Rc<Vec<Value>>,
    index: usize,
    /// 0: call `f acc`; 1: got `f acc`, call it with the element; 2: got the new acc.
    state: u8,
}

impl Cont for Foldl {
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        match self.state {
            1 => {
                self.state = 2;
                return Ok(Step::Call(input, self.items[self.index].clone()));
            }
            2 => {
                self.acc = input;
                self.index += 1;
            }
            _ => {}
        }
        if self.index < self.items.len() {
            self.state = 1;
            return Ok(Step::Call(self.f.clone(), self.acc.clone()));
        }
        Ok(Step::Done(self.acc.clone()))
    }
}

pub fn foldl(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    super::function(&a[0])?;
    let items = list(&a[2])?;
    if items.is_empty() {
        return ok(a[1].clone());
    }
    Ok(PrimRet::Cont(Box::new(Foldl {
        f: a[0].clone(),
        acc: a[1].clone(),
        items,
        index: 0,
        state: 0,
    })))
}

/// `elem x list`: deep equality against each element.
struct Elem {
    x: Value,
    items: std::rc::Rc<Vec<Value>>,
    index: usize,
    waiting: bool,
}

impl Cont for Elem {
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
                self.x.clone(),
                self.items[self.index].clone(),
                false,
            ))));
        }
        Ok(Step::Done(Value::Bool(false)))
    }
}

pub fn elem(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let items = list(&a[1])?;
    Ok(PrimRet::Cont(Box::new(Elem {
        x: a[0].clone(),
        items,
        index: 0,
        waiting: false,
    })))
}

pub fn less_than(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    match crate::vm::compare::less_than_fast(&a[0], &a[1])? {
        Some(r) => ok(Value::Bool(r)),
        None => Ok(PrimRet::Cont(Box::new(crate::vm::compare::LessThan::new(
            a[0].clone(),
            a[1].clone(),
            false,
        )))),
    }
}

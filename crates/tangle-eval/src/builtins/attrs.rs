//! Attribute-set builtins.

use super::{attrset, list, ok, string, PrimRet};
use crate::error::{Error, Result};
use crate::symbol::Symbol;
use crate::value::{Attrs, Thunk, Value};
use crate::vm::{Cont, Step, Vm};

fn name_of(v: &Value) -> Result<Symbol> {
    Ok(Symbol::new(&string(v)?.as_str_lossy()))
}

pub fn attr_names(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = attrset(&a[0])?;
    ok(Value::list(
        s.entries
            .iter()
            .map(|(k, _)| Value::string(k.as_str()))
            .collect(),
    ))
}

pub fn attr_values(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = attrset(&a[0])?;
    ok(Value::list(
        s.entries.iter().map(|(_, v)| v.clone()).collect(),
    ))
}

pub fn get_attr(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let name = name_of(&a[0])?;
    let s = attrset(&a[1])?;
    match s.get(name) {
        Some(v) => ok(v.clone()),
        None => Err(Error::eval(format!(
            "attribute '{}' missing for call to 'getAttr'",
            name
        ))),
    }
}

pub fn has_attr(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let name = name_of(&a[0])?;
    let s = attrset(&a[1])?;
    ok(Value::Bool(s.get(name).is_some()))
}

pub fn remove_attrs(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = attrset(&a[0])?;
    let names = list(&a[1])?;
    if names.iter().any(|n| !n.is_forced()) {
        return Ok(PrimRet::Cont(Box::new(RemoveAttrs { set: s, names })));
    }
    remove_now(&s, &names).map(PrimRet::Value)
}

fn remove_now(s: &Attrs, names: &[Value]) -> Result<Value> {
    let mut drop = Vec::with_capacity(names.len());
    for n in names {
        drop.push(name_of(&n.shallow())?);
    }
    Ok(Value::attrs(Attrs::from_sorted(
        s.entries
            .iter()
            .filter(|(k, _)| !drop.contains(k))
            .cloned()
            .collect(),
    )))
}

struct RemoveAttrs {
    set: std::rc::Rc<Attrs>,
    names: std::rc::Rc<Vec<Value>>,
}

impl Cont for RemoveAttrs {
    fn resume(&mut self, _: &mut Vm, _: Value) -> Result<Step> {
        for n in self.names.iter() {
            if !n.is_forced() {
                return Ok(Step::Force(n.clone()));
            }
        }
        Ok(Step::Done(remove_now(&self.set, &self.names)?))
    }
}

/// `listToAttrs`: force each element and its `name`; the first definition of
/// a name wins.
struct ListToAttrs {
    items: std::rc::Rc<Vec<Value>>,
    index: usize,
    entries: Vec<(Symbol, Value)>,
}

impl Cont for ListToAttrs {
    fn resume(&mut self, _: &mut Vm, _: Value) -> Result<Step> {
        while self.index < self.items.len() {
            let item = &self.items[self.index];
            if !item.is_forced() {
                return Ok(Step::Force(item.clone()));
            }
            let set = attrset(&item.shallow())?;
            let name = match set.get_str("name") {
                Some(n) => n.clone(),
                None => return Err(Error::eval("attribute 'name' missing")),
            };
            if !name.is_forced() {
                return Ok(Step::Force(name));
            }
            let value = match set.get_str("value") {
                Some(v) => v.clone(),
                None => return Err(Error::eval("attribute 'value' missing")),
            };
            self.entries.push((name_of(&name.shallow())?, value));
            self.index += 1;
        }
        let mut entries = std::mem::take(&mut self.entries);
        // Stable sort keeps the first of equal names first; keep that one.
        entries.sort_by_key(|a| a.0);
        entries.dedup_by(|later, earlier| later.0 == earlier.0);
        Ok(Step::Done(Value::attrs(Attrs::from_sorted(entries))))
    }
}

pub fn list_to_attrs(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let items = list(&a[0])?;
    Ok(PrimRet::Cont(Box::new(ListToAttrs {
        items,
        index: 0,
        entries: Vec::new(),
    })))
}

pub fn map_attrs(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = attrset(&a[1])?;
    let f = &a[0];
    ok(Value::attrs(Attrs::from_sorted(
        s.entries
            .iter()
            .map(|(k, v)| {
                let partial = Thunk::apply(f.clone(), Value::string(k.as_str()));
                (*k, Thunk::apply(partial, v.clone()))
            })
            .collect(),
    )))
}

pub fn intersect_attrs(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let left = attrset(&a[0])?;
    let right = attrset(&a[1])?;
    ok(Value::attrs(Attrs::from_sorted(
        right
            .entries
            .iter()
            .filter(|(k, _)| left.get(*k).is_some())
            .cloned()
            .collect(),
    )))
}

struct CatAttrs {
    name: Symbol,
    items: std::rc::Rc<Vec<Value>>,
    index: usize,
    out: Vec<Value>,
}

impl Cont for CatAttrs {
    fn resume(&mut self, _: &mut Vm, _: Value) -> Result<Step> {
        while self.index < self.items.len() {
            let item = &self.items[self.index];
            if !item.is_forced() {
                return Ok(Step::Force(item.clone()));
            }
            if let Some(v) = attrset(&item.shallow())?.get(self.name) {
                self.out.push(v.clone());
            }
            self.index += 1;
        }
        Ok(Step::Done(Value::list(std::mem::take(&mut self.out))))
    }
}

pub fn cat_attrs(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let name = name_of(&a[0])?;
    let items = list(&a[1])?;
    Ok(PrimRet::Cont(Box::new(CatAttrs {
        name,
        items,
        index: 0,
        out: Vec::new(),
    })))
}

pub fn function_args(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    match &a[0] {
        Value::Closure(c) => match &c.lambda.formals {
            None => ok(Value::attrs(Attrs::default())),
            Some(f) => ok(Value::attrs(Attrs::from_sorted(
                f.entries
                    .iter()
                    .map(|e| (e.name, Value::Bool(e.default.is_some())))
                    .collect(),
            ))),
        },
        Value::PrimOp(_) | Value::PrimOpApp(_) => ok(Value::attrs(Attrs::default())),
        _ => Err(Error::eval("'functionArgs' requires a function")),
    }
}

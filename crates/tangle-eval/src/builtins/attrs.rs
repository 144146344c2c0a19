//! Attribute-set builtins.

mod closure;

use super::{attrset, list, ok, string, PrimRet};
use crate::error::{Error, Result};
use crate::gc::{Trace, Tracer};
use crate::symbol::{Known, Symbol};
use crate::value::{AttrPositions, Attrs, Thunk, Value};
use crate::vm::{Cont, Step, Vm};
use std::rc::Rc;

fn name_of(v: &Value) -> Result<Symbol> {
    Ok(Symbol::new(&string(v)?.as_str_lossy()))
}

pub fn attr_names(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = attrset(&a[0])?;
    ok(Value::list(
        s.entries()
            .iter()
            .map(|(k, _)| Value::string(k.as_str()))
            .collect(),
    ))
}

pub fn attr_values(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = attrset(&a[0])?;
    ok(Value::list(s.entries().iter().map(|(_, v)| *v).collect()))
}

pub fn get_attr(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let name = name_of(&a[0])?;
    let s = attrset(&a[1])?;
    match s.get(name) {
        Some(v) => ok(*v),
        None => Err(missing(&crate::print::attr_name_text(name.as_str()))),
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
    let mut out = Attrs::from_sorted(
        s.entries()
            .iter()
            .filter(|(k, _)| !drop.contains(k))
            .cloned()
            .collect(),
    );
    // The remaining attributes keep their positions.
    out.pos = match &s.pos {
        Some(p) if out.len() < s.len() => {
            drop.sort();
            drop.dedup();
            Some(Rc::new(AttrPositions::Without(p.clone(), drop.into())))
        }
        p => p.clone(),
    };
    Ok(Value::attrs(out))
}

struct RemoveAttrs {
    set: crate::gc::Gc<Attrs>,
    names: crate::gc::Gc<Vec<Value>>,
}

impl Cont for RemoveAttrs {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.set);
        t.mark(self.names);
    }
    fn resume(&mut self, _: &mut Vm, _: Value) -> Result<Step> {
        for n in self.names.iter() {
            if !n.is_forced() {
                return Ok(Step::Force(*n));
            }
        }
        Ok(Step::Done(remove_now(&self.set, &self.names)?))
    }
}

/// `listToAttrs`: force each element and its `name`; the first definition of
/// a name wins, and later ones need no `value`.
struct ListToAttrs {
    items: crate::gc::Gc<Vec<Value>>,
    index: usize,
    seen: rustc_hash::FxHashSet<Symbol>,
    /// The winning definitions, with the positions of the element set they
    /// come from (its `value` is where the attribute is defined).
    entries: Vec<(Symbol, Value, Option<Rc<AttrPositions>>)>,
}

/// A builtin's required attribute is missing, in current Nix's words
/// (2.8 added "for call to 'BUILTIN'").
fn missing(name: &str) -> Error {
    Error::eval(format!("attribute '{}' missing", name))
}

impl Cont for ListToAttrs {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.items);
        for (_, v, _) in &self.entries {
            v.trace(t);
        }
    }
    fn resume(&mut self, _: &mut Vm, _: Value) -> Result<Step> {
        let name_key = Symbol::known(Known::Name);
        let value_key = Symbol::known(Known::Value);
        while self.index < self.items.len() {
            let item = &self.items[self.index];
            if !item.is_forced() {
                return Ok(Step::Force(*item));
            }
            let set = attrset(&item.shallow())?;
            let name = match set.get(name_key) {
                Some(n) => *n,
                None => return Err(missing("name")),
            };
            if !name.is_forced() {
                return Ok(Step::Force(name));
            }
            let sym = name_of(&name.shallow())?;
            if self.seen.insert(sym) {
                let value = match set.get(value_key) {
                    Some(v) => *v,
                    None => return Err(missing("value")),
                };
                self.entries.push((sym, value, set.pos.clone()));
            }
            self.index += 1;
        }
        // Names are unique (`seen`), so any sort gives the same order.
        let mut entries = std::mem::take(&mut self.entries);
        entries.sort_unstable_by_key(|e| e.0);
        let has_positions = entries.iter().any(|e| e.2.is_some());
        let mut table = Vec::new();
        if has_positions {
            table = entries.iter().map(|(k, _, p)| (*k, p.clone())).collect();
        }
        let mut out = Attrs::from_sorted(entries.into_iter().map(|(k, v, _)| (k, v)).collect());
        if has_positions {
            out.pos = Some(Rc::new(AttrPositions::Values(table.into())));
        }
        Ok(Step::Done(Value::attrs(out)))
    }
}

pub fn list_to_attrs(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let items = list(&a[0])?;
    Ok(PrimRet::Cont(Box::new(ListToAttrs {
        items,
        index: 0,
        seen: Default::default(),
        entries: Vec::new(),
    })))
}

pub fn map_attrs(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = attrset(&a[1])?;
    let f = &a[0];
    ok(Value::attrs(Attrs::from_sorted(
        s.entries()
            .iter()
            .map(|(k, v)| {
                let partial = Thunk::apply(*f, Value::string(k.as_str()));
                (*k, Thunk::apply(partial, *v))
            })
            .collect(),
    )))
}

pub fn intersect_attrs(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let left = attrset(&a[0])?;
    let right = attrset(&a[1])?;
    // Walk the smaller set and look names up in the larger one:
    // `callPackage` intersects a few formals with a whole package set.
    let entries = if left.len() < right.len() {
        left.entries()
            .iter()
            .filter_map(|(k, _)| right.get(*k).map(|v| (*k, *v)))
            .collect()
    } else {
        right
            .entries()
            .iter()
            .filter(|(k, _)| left.get(*k).is_some())
            .cloned()
            .collect()
    };
    let mut out = Attrs::from_sorted(entries);
    // The attributes keep their positions in the right set.
    out.pos = match &right.pos {
        Some(p) if out.len() < right.len() => {
            let names = out.entries().iter().map(|(k, _)| *k).collect();
            Some(Rc::new(AttrPositions::Only(p.clone(), names)))
        }
        p => p.clone(),
    };
    ok(Value::attrs(out))
}

struct CatAttrs {
    name: Symbol,
    items: crate::gc::Gc<Vec<Value>>,
    index: usize,
    out: Vec<Value>,
}

impl Cont for CatAttrs {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.items);
        self.out.trace(t);
    }
    fn resume(&mut self, _: &mut Vm, _: Value) -> Result<Step> {
        while self.index < self.items.len() {
            let item = &self.items[self.index];
            if !item.is_forced() {
                return Ok(Step::Force(*item));
            }
            if let Some(v) = attrset(&item.shallow())?.get(self.name) {
                self.out.push(*v);
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

/// `functionArgs f`: each formal, mapped to whether it has a default; as in
/// Nix, each attribute has the position of its formal.
pub fn function_args(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    match &a[0] {
        Value::Closure(c) => match &c.lambda.formals {
            None => ok(Value::attrs(Attrs::default())),
            Some(f) => {
                let mut set = Attrs::from_sorted(
                    f.entries
                        .iter()
                        .map(|e| (e.name, Value::Bool(e.default.is_some())))
                        .collect(),
                );
                // The formals are sorted by name, as the table needs.
                set.pos = Some(Rc::new(AttrPositions::Literal {
                    source: c.lambda.source.clone(),
                    names: f.entries.iter().map(|e| e.name).collect(),
                    offsets: f.entries.iter().map(|e| e.offset).collect(),
                }));
                ok(Value::attrs(set))
            }
        },
        Value::PrimOp(_) | Value::PrimOpApp(_) => ok(Value::attrs(Attrs::default())),
        _ => Err(Error::eval("'functionArgs' requires a function")),
    }
}

/// `zipAttrsWith f sets`: for each name in any of the sets,
/// `f name [ values of that name, in list order ]` (lazily).
pub fn zip_attrs_with(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    super::function(&a[0])?;
    let f = a[0];
    super::lists::force_then(vm, &a[1], a, move |_, l| {
        Ok(PrimRet::Cont(Box::new(ZipAttrsWith {
            f,
            items: list(&l)?,
            index: 0,
        })))
    })
}

struct ZipAttrsWith {
    f: Value,
    items: crate::gc::Gc<Vec<Value>>,
    index: usize,
}

impl Cont for ZipAttrsWith {
    fn trace(&self, t: &mut Tracer) {
        self.f.trace(t);
        t.mark(self.items);
    }
    fn resume(&mut self, _: &mut Vm, _: Value) -> Result<Step> {
        // Every element is forced to a set before anything is built.
        while let Some(item) = self.items.get(self.index) {
            if !item.is_forced() {
                return Ok(Step::Force(*item));
            }
            attrset(&item.shallow()).map_err(|mut e| {
                // Nix checks these without a position; its error then
                // gets the call's position as a trace entry.
                e.trace_hint = true;
                e.positionless = true;
                e
            })?;
            self.index += 1;
        }
        let mut groups: std::collections::BTreeMap<Symbol, Vec<Value>> = Default::default();
        for item in self.items.iter() {
            if let Value::Attrs(set) = item.shallow() {
                for (k, v) in set.entries().iter() {
                    groups.entry(*k).or_default().push(*v);
                }
            }
        }
        let entries = groups
            .into_iter()
            .map(|(k, vs)| {
                let partial = Thunk::apply(self.f, Value::string(k.as_str()));
                (k, Thunk::apply(partial, Value::list(vs)))
            })
            .collect();
        Ok(Step::Done(Value::attrs(Attrs::from_sorted(entries))))
    }
}

pub use closure::generic_closure;

/// `unsafeGetAttrPos name set`: `{ file; line; column; }` of the
/// attribute's definition, or null when the set has no such attribute or
/// it has no position (as for values made by most builtins).
pub fn unsafe_get_attr_pos(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let name = super::string(&a[0])?;
    let set = attrset(&a[1])?;
    let name = Symbol::new(&name.as_str_lossy());
    let pos = match (&set.pos, set.get(name)) {
        (Some(p), Some(_)) => p.find(name),
        _ => None,
    };
    let Some(pos) = pos else {
        return ok(Value::Null);
    };
    let (line, column) = pos.line_col();
    ok(Value::attrs(Attrs::from_unsorted(vec![
        (Symbol::new("column"), Value::Int(column as i64)),
        (Symbol::new("file"), Value::string(pos.source.name.as_str())),
        (Symbol::new("line"), Value::Int(line as i64)),
    ])))
}

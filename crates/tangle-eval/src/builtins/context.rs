//! String contexts: `getContext`, `appendContext`, `hasContext`,
//! `unsafeDiscardStringContext`, `unsafeDiscardOutputDependency`,
//! `addDrvOutputDependencies`.
//!
//! A context is the set of store paths a string refers to. Each element is
//! kept in Nix's own encoding:
//!
//! | element | meaning | `getContext` shows |
//! |---|---|---|
//! | `/nix/store/…` | the path itself | `{ path = true; }` |
//! | `=/nix/store/….drv` | the derivation and all its outputs | `{ allOutputs = true; }` |
//! | `!out!/nix/store/….drv` | one output of a derivation | `{ outputs = [ "out" ]; }` |

use super::strings::coerce_then;
use super::{attrset, list, ok, string, PrimOpDef, PrimRet};
use crate::error::{Error, Result};
use crate::gc::{Trace, Tracer};
use crate::symbol::Symbol;
use crate::value::{Attrs, Context, Value};
use crate::vm::{Cont, Step, Vm};
use std::collections::BTreeMap;

pub static PRIMOPS: &[PrimOpDef] = &[
    prim!("hasContext", 1, 1, has_context),
    prim!(
        "unsafeDiscardStringContext",
        1,
        1,
        unsafe_discard_string_context
    ),
    prim!(
        "unsafeDiscardOutputDependency",
        1,
        1,
        unsafe_discard_output_dependency
    ),
    prim!(
        "addDrvOutputDependencies",
        1,
        1,
        add_drv_output_dependencies
    ),
    prim!("getContext", 1, 1, get_context),
    prim!("appendContext", 2, 3, append_context),
];

/// The store directory every store path in a context lives in.
const STORE_DIR: &str = "/nix/store";

/// Nix's test for a store path: directly under the store directory, a
/// 32-character hash part, a dash, and a non-empty name.
pub fn is_store_path(p: &str) -> bool {
    let Some(rest) = p.strip_prefix(STORE_DIR).and_then(|r| r.strip_prefix('/')) else {
        return false;
    };
    if rest.contains('/') {
        return false;
    }
    let b = rest.as_bytes();
    b.len() > 33 && b[32] == b'-' && b[..32].iter().all(|c| is_nix32_char(*c))
}

fn is_nix32_char(c: u8) -> bool {
    matches!(c, b'0'..=b'9' | b'a'..=b'z') && !matches!(c, b'e' | b'o' | b'u' | b't')
}

fn has_context(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = string(&a[0])?;
    ok(Value::Bool(s.context.is_some()))
}

/// Coerces its argument like interpolation does (so `"${x}"`-able values
/// are accepted), then drops the context.
fn unsafe_discard_string_context(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    match &a[0] {
        Value::String(s) if s.context.is_none() => ok(a[0]),
        Value::String(s) => ok(Value::string(s.bytes.to_vec())),
        other => coerce_then(other, (), |_, s| Ok(Value::string(s.bytes.to_vec()))),
    }
}

/// `=drv` (the derivation with all its outputs) becomes the plain `.drv`
/// path: the string then depends on the derivation file only.
fn unsafe_discard_output_dependency(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = string(&a[0])?;
    let Some(ctx) = &s.context else {
        return ok(a[0]);
    };
    let out: Context = ctx
        .iter()
        .map(|e| match e.strip_prefix('=') {
            Some(p) => p.to_string(),
            None => e.clone(),
        })
        .collect();
    ok(Value::string_ctx(s.bytes.to_vec(), Some(Box::new(out))))
}

/// The inverse: a string whose context is exactly one plain `.drv` path
/// gets the dependency on all that derivation's outputs.
fn add_drv_output_dependencies(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = string(&a[0])?;
    let ctx: Vec<&String> = s.context.iter().flat_map(|c| c.iter()).collect();
    let [elem] = ctx.as_slice() else {
        return Err(Error::eval(format!(
            "context of string '{}' must have exactly one element, but has {}",
            s.as_str_lossy(),
            ctx.len()
        )));
    };
    let new = if let Some(rest) = elem.strip_prefix('!') {
        let path = rest.split_once('!').map(|(_, p)| p).unwrap_or(rest);
        return Err(Error::eval(format!(
            "`addDrvOutputDependencies` can only act on derivations, not on a derivation output such as '{}'",
            path
        )));
    } else if elem.starts_with('=') {
        (*elem).clone()
    } else if elem.ends_with(".drv") {
        format!("={}", elem)
    } else {
        return Err(Error::eval(format!("path '{}' is not a derivation", elem)));
    };
    let mut out = Context::new();
    out.insert(new);
    ok(Value::string_ctx(s.bytes.to_vec(), Some(Box::new(out))))
}

#[derive(Default)]
struct Info {
    path: bool,
    all_outputs: bool,
    outputs: Vec<String>,
}

fn get_context(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = string(&a[0])?;
    let mut by_path: BTreeMap<&str, Info> = BTreeMap::new();
    for e in s.context.iter().flat_map(|c| c.iter()) {
        if let Some(drv) = e.strip_prefix('=') {
            by_path.entry(drv).or_default().all_outputs = true;
        } else if let Some(rest) = e.strip_prefix('!') {
            if let Some((out, drv)) = rest.split_once('!') {
                by_path
                    .entry(drv)
                    .or_default()
                    .outputs
                    .push(out.to_string());
            }
        } else {
            by_path.entry(e.as_str()).or_default().path = true;
        }
    }
    let entries = by_path
        .into_iter()
        .map(|(p, info)| {
            let mut fields = Vec::new();
            if info.all_outputs {
                fields.push((Symbol::new("allOutputs"), Value::Bool(true)));
            }
            if !info.outputs.is_empty() {
                // The context set is sorted by its encoding, so outputs of
                // one derivation arrive sorted by name.
                let outs = info.outputs.into_iter().map(Value::string).collect();
                fields.push((Symbol::new("outputs"), Value::list(outs)));
            }
            if info.path {
                fields.push((Symbol::new("path"), Value::Bool(true)));
            }
            (Symbol::new(p), Value::attrs(Attrs::from_unsorted(fields)))
        })
        .collect();
    ok(Value::attrs(Attrs::from_unsorted(entries)))
}

fn append_context(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = string(&a[0])?;
    let set = attrset(&a[1])?;
    let ctx = s.context.as_deref().cloned().unwrap_or_default();
    Ok(PrimRet::Cont(Box::new(AppendContext {
        bytes: s.bytes.to_vec(),
        ctx,
        entries: set.entries().iter().map(|(k, v)| (*k, *v)).collect(),
        next: 0,
        state: State::Entry,
        outputs: Vec::new(),
        out_index: 0,
    })))
}

enum State {
    /// Force the value of entry `next`.
    Entry,
    /// Got the entry's set: force its `path` attribute.
    Path,
    /// Got `path`: force `allOutputs`.
    AllOutputs,
    /// Got `allOutputs`: force `outputs`.
    Outputs,
    /// Got `outputs`: check it is a list, force its first element.
    OutputList,
    /// Got element `out_index` of the `outputs` list.
    Output,
}

/// Forces exactly what Nix forces: each entry's set, then its `path`,
/// `allOutputs` and `outputs` attributes, then each output name.
struct AppendContext {
    bytes: Vec<u8>,
    ctx: Context,
    entries: Vec<(Symbol, Value)>,
    next: usize,
    state: State,
    outputs: Vec<Value>,
    out_index: usize,
}

impl AppendContext {
    fn key(&self) -> &str {
        self.entries[self.next].0.as_str()
    }

    fn next_entry(&mut self) {
        self.next += 1;
        self.state = State::Entry;
    }

    fn current_set(&self) -> Result<crate::gc::Gc<Attrs>> {
        attrset(&self.entries[self.next].1.shallow())
    }
}

impl Cont for AppendContext {
    fn trace(&self, t: &mut Tracer) {
        self.entries.trace(t);
        self.outputs.trace(t);
    }
    fn resume(&mut self, _vm: &mut Vm, input: Value) -> Result<Step> {
        loop {
            if self.next >= self.entries.len() {
                let ctx = std::mem::take(&mut self.ctx);
                return Ok(Step::Done(Value::string_ctx(
                    std::mem::take(&mut self.bytes),
                    Some(Box::new(ctx)),
                )));
            }
            match self.state {
                State::Entry => {
                    let key = self.key();
                    if !is_store_path(key) {
                        return Err(Error::eval(format!(
                            "Context key '\"{}\"' is not a store path",
                            key
                        )));
                    }
                    self.state = State::Path;
                    return Ok(Step::Force(self.entries[self.next].1));
                }
                State::Path => {
                    let set = self.current_set()?;
                    self.state = State::AllOutputs;
                    if let Some(v) = set.get_str("path") {
                        return Ok(Step::Force(*v));
                    }
                    continue;
                }
                State::AllOutputs => {
                    let set = self.current_set()?;
                    if set.get_str("path").is_some() && super::boolean(&input)? {
                        self.ctx.insert(self.key().to_string());
                    }
                    self.state = State::Outputs;
                    if let Some(v) = set.get_str("allOutputs") {
                        return Ok(Step::Force(*v));
                    }
                    continue;
                }
                State::Outputs => {
                    let set = self.current_set()?;
                    if set.get_str("allOutputs").is_some() && super::boolean(&input)? {
                        let key = self.key();
                        if !key.ends_with(".drv") {
                            return Err(Error::eval(format!(
                                "Tried to add all-outputs context of \"{}\", which is not a derivation, to a string",
                                key
                            )));
                        }
                        self.ctx.insert(format!("={}", key));
                    }
                    if let Some(v) = set.get_str("outputs") {
                        self.state = State::OutputList;
                        return Ok(Step::Force(*v));
                    }
                    self.next_entry();
                }
                State::OutputList => {
                    self.outputs = list(&input)?.to_vec();
                    self.out_index = 0;
                    if !self.outputs.is_empty() && !self.key().ends_with(".drv") {
                        return Err(Error::eval(format!(
                            "Tried to add derivation output context of \"{}\", which is not a derivation, to a string",
                            self.key()
                        )));
                    }
                    self.state = State::Output;
                    if let Some(v) = self.outputs.first() {
                        return Ok(Step::Force(*v));
                    }
                    self.next_entry();
                }
                State::Output => {
                    let name = string(&input)?;
                    let entry = format!("!{}!{}", name.as_str_lossy(), self.key());
                    self.ctx.insert(entry);
                    self.out_index += 1;
                    if let Some(v) = self.outputs.get(self.out_index) {
                        return Ok(Step::Force(*v));
                    }
                    self.next_entry();
                }
            }
        }
    }
}

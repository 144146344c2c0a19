//! `derivationStrict` and the `derivation` wrapper around it.
//!
//! `derivationStrict` reads the attributes of a derivation, turns each into
//! an environment string (or JSON with `__structuredAttrs`), gathers the
//! string contexts into the derivation's inputs, and asks the evaluator's
//! store ([`crate::store`]) for the output and `.drv` paths. The wrapper
//! `derivation` is Nix code (`derivation.nix`), compiled once per
//! evaluator.

use super::{attrset, boolean, list, string, PrimOpDef, PrimRet};
use crate::error::{Error, Result};
use crate::store::{DrvRequest, FixedOutput};
use crate::symbol::Symbol;
use crate::value::{Attrs, Context, Value};
use crate::vm::coerce::{Concat, Mode};
use crate::vm::{Cont, Step, Vm};
use std::rc::Rc;

pub static PRIMOPS: &[PrimOpDef] = &[prim!("derivationStrict", 1, 1, derivation_strict)];

/// The source of the `derivation` wrapper.
pub const WRAPPER: &str = include_str!("derivation.nix");

fn derivation_strict(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let set = attrset(&a[0])?;
    let Some(name) = set.get_str("name") else {
        return Err(Error::eval(
            "attribute 'name' missing for call to 'derivationStrict'",
        ));
    };
    let name = name.clone();
    Ok(PrimRet::Cont(Box::new(DerivationStrict {
        set,
        phase: Phase::Start,
        name_value: name,
        idx: 0,
        structured: false,
        ignore_nulls: false,
        req: DrvRequest::default(),
        args: Vec::new(),
        arg_idx: 0,
        output_hash_mode: None,
        json: Vec::new(),
    })))
}

#[derive(Clone, Copy)]
enum Phase {
    Start,
    Name,
    Structured,
    IgnoreNulls,
    /// Force attribute `idx`.
    Attr,
    /// Attribute `idx` is forced (the input).
    AttrForced,
    /// Attribute `idx` was coerced to a string (the input).
    AttrString,
    /// The `args` list is forced (the input).
    ArgsList,
    /// Attribute `idx` was turned into JSON (structured attributes).
    AttrJson,
}

struct DerivationStrict {
    set: Rc<Attrs>,
    phase: Phase,
    name_value: Value,
    idx: usize,
    structured: bool,
    ignore_nulls: bool,
    req: DrvRequest,
    args: Vec<Value>,
    arg_idx: usize,
    output_hash_mode: Option<String>,
    /// Structured attributes: `(name, JSON text)`.
    json: Vec<(String, String)>,
}

fn add_context(ctx: &mut Context, s: &crate::value::NixString) {
    if let Some(c) = &s.context {
        ctx.extend(c.iter().cloned());
    }
}

impl DerivationStrict {
    fn key(&self) -> &'static str {
        self.set.entries[self.idx].0.as_str()
    }

    fn next_attr(&mut self) {
        self.idx += 1;
        self.phase = Phase::Attr;
    }

    /// A string attribute, after coercion: recorded in the environment,
    /// and remembered when the attribute means something to Nix.
    fn string_attr(&mut self, key: &str, s: &crate::value::NixString) -> Result<()> {
        add_context(&mut self.req.context, s);
        let text = s.as_str_lossy().into_owned();
        self.special_attr(key, &text)?;
        if !self.structured {
            self.req.env.insert(key.to_string(), text);
        }
        Ok(())
    }

    fn special_attr(&mut self, key: &str, text: &str) -> Result<()> {
        match key {
            "builder" => self.req.builder = Some(text.to_string()),
            "system" => self.req.system = Some(text.to_string()),
            "outputHash" => self.req.output_hash = Some(text.to_string()),
            "outputHashAlgo" => self.req.output_hash_algo = Some(text.to_string()),
            "outputHashMode" => self.output_hash_mode = Some(text.to_string()),
            "outputs" if !self.structured => {
                self.set_outputs(text.split_ascii_whitespace().map(str::to_string))?
            }
            _ => {}
        }
        Ok(())
    }

    fn set_outputs(&mut self, names: impl Iterator<Item = String>) -> Result<()> {
        let mut outputs: Vec<String> = Vec::new();
        for n in names {
            if n == "drv" {
                return Err(Error::eval(format!(
                    "invalid derivation output name '{}'",
                    n
                )));
            }
            if outputs.contains(&n) {
                return Err(Error::eval(format!("duplicate derivation output '{}'", n)));
            }
            outputs.push(n);
        }
        if outputs.is_empty() {
            return Err(Error::eval(
                "derivation cannot have an empty set of outputs",
            ));
        }
        self.req.outputs = outputs;
        Ok(())
    }

    fn finish(&mut self, vm: &mut Vm) -> Result<Value> {
        let mut req = std::mem::take(&mut self.req);
        if self.structured {
            let mut text = String::from("{");
            for (i, (k, v)) in self.json.iter().enumerate() {
                if i > 0 {
                    text.push(',');
                }
                let mut key = Vec::new();
                crate::print::json_escape(k.as_bytes(), &mut key);
                text.push_str(&String::from_utf8_lossy(&key));
                text.push(':');
                text.push_str(v);
            }
            text.push('}');
            req.env.insert("__json".to_string(), text);
        }
        if req.builder.is_none() {
            return Err(Error::eval("required attribute 'builder' missing"));
        }
        if req.system.is_none() {
            return Err(Error::eval("required attribute 'system' missing"));
        }
        if req.name.ends_with(".drv") {
            return Err(Error::eval(
                "derivation names are not allowed to end in '.drv'",
            ));
        }
        if req.outputs.is_empty() {
            req.outputs.push("out".to_string());
        }
        if let Some(hash) = req.output_hash.clone() {
            let recursive = match self.output_hash_mode.as_deref() {
                None | Some("flat") => false,
                Some("recursive") => true,
                Some(other) => {
                    return Err(Error::eval(format!(
                        "invalid value '{}' for 'outputHashMode' attribute",
                        other
                    )))
                }
            };
            if req.outputs.len() != 1 || req.outputs[0] != "out" {
                return Err(Error::eval(
                    "multiple outputs are not supported in fixed-output derivations",
                ));
            }
            req.fixed = Some(FixedOutput {
                hash,
                algo: req.output_hash_algo.clone().unwrap_or_default(),
                recursive,
            });
        } else if let Some(mode) = self.output_hash_mode.as_deref() {
            if mode != "flat" && mode != "recursive" {
                return Err(Error::eval(format!(
                    "invalid value '{}' for 'outputHashMode' attribute",
                    mode
                )));
            }
        }
        let made = vm.store.add_derivation(req)?;
        let mut entries = Vec::with_capacity(made.outputs.len() + 1);
        let mut drv_ctx = Context::new();
        drv_ctx.insert(format!("={}", made.drv_path));
        entries.push((
            Symbol::new("drvPath"),
            Value::string_ctx(made.drv_path.clone().into_bytes(), Some(Box::new(drv_ctx))),
        ));
        for (out, path) in made.outputs {
            let mut ctx = Context::new();
            ctx.insert(format!("!{}!{}", out, made.drv_path));
            entries.push((
                Symbol::new(&out),
                Value::string_ctx(path.into_bytes(), Some(Box::new(ctx))),
            ));
        }
        Ok(Value::attrs(Attrs::from_unsorted(entries)))
    }
}

impl Cont for DerivationStrict {
    fn resume(&mut self, vm: &mut Vm, input: Value) -> Result<Step> {
        loop {
            match self.phase {
                Phase::Start => {
                    self.phase = Phase::Name;
                    return Ok(Step::Force(self.name_value.clone()));
                }
                Phase::Name => {
                    let s = string(&input)?;
                    if let Some(ctx) = &s.context {
                        let first = ctx.iter().next().map(String::as_str).unwrap_or("");
                        return Err(Error::eval(format!(
                            "the string '{}' is not allowed to refer to a store path (such as '{}')",
                            s.as_str_lossy(),
                            first.trim_start_matches('=')
                        )));
                    }
                    self.req.name = s.as_str_lossy().into_owned();
                    self.phase = Phase::Structured;
                    if let Some(v) = self.set.get_str("__structuredAttrs") {
                        return Ok(Step::Force(v.clone()));
                    }
                }
                Phase::Structured => {
                    if self.set.get_str("__structuredAttrs").is_some() {
                        self.structured = boolean(&input)?;
                    }
                    self.phase = Phase::IgnoreNulls;
                    if let Some(v) = self.set.get_str("__ignoreNulls") {
                        return Ok(Step::Force(v.clone()));
                    }
                }
                Phase::IgnoreNulls => {
                    if self.set.get_str("__ignoreNulls").is_some() {
                        self.ignore_nulls = boolean(&input)?;
                    }
                    self.phase = Phase::Attr;
                }
                Phase::Attr => {
                    let Some((key, v)) = self.set.entries.get(self.idx) else {
                        return Ok(Step::Done(self.finish(vm)?));
                    };
                    let key = key.as_str();
                    if key == "__ignoreNulls" || (self.structured && key == "__structuredAttrs") {
                        self.idx += 1;
                        continue;
                    }
                    self.phase = Phase::AttrForced;
                    return Ok(Step::Force(v.clone()));
                }
                Phase::AttrForced => {
                    let key = self.key();
                    if self.ignore_nulls && matches!(input, Value::Null) {
                        self.next_attr();
                        continue;
                    }
                    match key {
                        "__contentAddressed" if boolean(&input).unwrap_or(false) => {
                            return Err(Error::eval("experimental Nix feature 'ca-derivations' is disabled; use '--extra-experimental-features ca-derivations' to override"));
                        }
                        "__impure" if boolean(&input).unwrap_or(false) => {
                            return Err(Error::eval("experimental Nix feature 'impure-derivations' is disabled; use '--extra-experimental-features impure-derivations' to override"));
                        }
                        _ => {}
                    }
                    if key == "args" {
                        self.args = list(&input)?.to_vec();
                        self.arg_idx = 0;
                        self.phase = Phase::ArgsList;
                        continue;
                    }
                    if self.structured {
                        self.phase = Phase::AttrJson;
                        return Ok(Step::Sub(Box::new(crate::print::ToJson::new(input, true))));
                    }
                    self.phase = Phase::AttrString;
                    return Ok(Step::Sub(Box::new(Concat::new(
                        vec![input],
                        Mode::Derivation,
                    ))));
                }
                Phase::AttrString => {
                    let s = string(&input)?;
                    self.string_attr(self.key(), &s)?;
                    self.next_attr();
                }
                Phase::AttrJson => {
                    let s = string(&input)?;
                    add_context(&mut self.req.context, &s);
                    let key = self.key();
                    match key {
                        "outputs" => {
                            // The JSON of a list of strings: read the names
                            // back from the value itself.
                            let v = self.set.entries[self.idx].1.shallow();
                            let names = list(&v)?
                                .iter()
                                .map(|n| {
                                    string(&n.shallow()).map(|s| s.as_str_lossy().into_owned())
                                })
                                .collect::<Result<Vec<_>>>()?;
                            self.set_outputs(names.into_iter())?;
                        }
                        "builder" | "system" | "outputHash" | "outputHashAlgo"
                        | "outputHashMode" => {
                            let v = self.set.entries[self.idx].1.shallow();
                            let t = string(&v)?.as_str_lossy().into_owned();
                            self.special_attr(key, &t)?;
                        }
                        _ => {}
                    }
                    self.json
                        .push((key.to_string(), s.as_str_lossy().into_owned()));
                    self.next_attr();
                }
                Phase::ArgsList => {
                    if self.arg_idx > 0 {
                        let s = string(&input)?;
                        add_context(&mut self.req.context, &s);
                        self.req.args.push(s.as_str_lossy().into_owned());
                    }
                    let Some(arg) = self.args.get(self.arg_idx).cloned() else {
                        self.next_attr();
                        continue;
                    };
                    self.arg_idx += 1;
                    return Ok(Step::Sub(Box::new(Concat::new(
                        vec![arg],
                        Mode::Derivation,
                    ))));
                }
            }
        }
    }
}

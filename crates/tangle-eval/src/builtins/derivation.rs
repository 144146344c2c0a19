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
use crate::gc::{Gc, Trace, Tracer};
use crate::store::{DrvRequest, FixedOutput};
use crate::symbol::Symbol;
use crate::value::{Attrs, Context, Value};
use crate::vm::coerce::{Concat, Mode};
use crate::vm::{Cont, Step, Vm};

pub static PRIMOPS: &[PrimOpDef] = &[prim!("derivationStrict", 1, 1, derivation_strict, global)];

/// The source of the `derivation` wrapper.
pub const WRAPPER: &str = include_str!("derivation.nix");

fn derivation_strict(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let set = attrset(&a[0])?;
    let Some(name) = set.get_str("name") else {
        return Err(Error::eval(
            "attribute 'name' missing for call to 'derivationStrict'",
        ));
    };
    let name = *name;
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
        recursive: None,
        json: Vec::new(),
        in_attribute: false,
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
    set: Gc<Attrs>,
    phase: Phase,
    name_value: Value,
    idx: usize,
    structured: bool,
    ignore_nulls: bool,
    req: DrvRequest,
    args: Vec<Value>,
    arg_idx: usize,
    /// `outputHashMode`: `Some(true)` for recursive, `Some(false)` flat.
    recursive: Option<bool>,
    /// Structured attributes: `(name, JSON text)`.
    json: Vec<(String, Vec<u8>)>,
    /// The name or an attribute is being evaluated: Nix adds a trace entry
    /// ("while evaluating the attribute …") to errors from there, so they
    /// carry the `--show-trace` hint.
    in_attribute: bool,
}

fn add_context(ctx: &mut Context, s: &crate::value::NixString) {
    if let Some(c) = &s.context {
        ctx.extend(c.iter().cloned());
    }
}

impl DerivationStrict {
    fn key(&self) -> &'static str {
        self.set.entries()[self.idx].0.as_str()
    }

    fn next_attr(&mut self) {
        self.idx += 1;
        self.phase = Phase::Attr;
        self.in_attribute = false;
    }

    /// A string attribute, after coercion: recorded in the environment,
    /// and remembered when the attribute means something to Nix.
    fn string_attr(&mut self, key: &str, s: &crate::value::NixString) -> Result<()> {
        add_context(&mut self.req.context, s);
        self.special_attr(key, &s.bytes)?;
        if !self.structured {
            self.req
                .env
                .insert(key.as_bytes().to_vec(), s.bytes.to_vec());
        }
        Ok(())
    }

    /// Remember the attributes that mean something to Nix. Strings are
    /// bytes: the builder and system are kept as they are, the others must
    /// be text to be valid anyway.
    fn special_attr(&mut self, key: &str, bytes: &[u8]) -> Result<()> {
        const SPECIAL: &[&str] = &[
            "builder",
            "system",
            "outputHash",
            "outputHashAlgo",
            "outputHashMode",
            "outputs",
        ];
        if !SPECIAL.contains(&key) {
            return Ok(());
        }
        let text = String::from_utf8_lossy(bytes);
        let text = text.as_ref();
        match key {
            "builder" => self.req.builder = Some(bytes.to_vec()),
            "system" => self.req.system = Some(bytes.to_vec()),
            "outputHash" => self.req.output_hash = Some(text.to_string()),
            "outputHashAlgo" => self.req.output_hash_algo = Some(text.to_string()),
            "outputHashMode" => {
                self.recursive = Some(match text {
                    "recursive" => true,
                    "flat" => false,
                    other => {
                        return Err(Error::eval(format!(
                            "invalid value '{}' for 'outputHashMode' attribute",
                            other
                        )))
                    }
                })
            }
            "outputs" if !self.structured => {
                // Nix splits at these four only (not at form feeds).
                self.set_outputs(
                    text.split([' ', '\t', '\n', '\r'])
                        .filter(|o| !o.is_empty())
                        .map(str::to_string),
                )?
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
            let mut text = b"{".to_vec();
            for (i, (k, v)) in self.json.iter().enumerate() {
                if i > 0 {
                    text.push(b',');
                }
                crate::print::json_escape(k.as_bytes(), &mut text);
                text.push(b':');
                text.extend_from_slice(v);
            }
            text.push(b'}');
            req.env.insert(b"__json".to_vec(), text);
        }
        // An empty builder or system counts as missing.
        if req.builder.as_deref().unwrap_or_default().is_empty() {
            return Err(Error::eval("required attribute 'builder' missing"));
        }
        if req.system.as_deref().unwrap_or_default().is_empty() {
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
            let recursive = self.recursive.unwrap_or(false);
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
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.set);
        self.name_value.trace(t);
        self.args.trace(t);
    }
    fn unwinding(&mut self, err: &mut Error) {
        if self.in_attribute {
            err.trace_hint = true;
        }
    }

    fn resume(&mut self, vm: &mut Vm, input: Value) -> Result<Step> {
        loop {
            match self.phase {
                Phase::Start => {
                    self.phase = Phase::Name;
                    self.in_attribute = true;
                    return Ok(Step::Force(self.name_value));
                }
                Phase::Name => {
                    self.req.name = super::text_no_context(&input)?;
                    self.in_attribute = false;
                    self.phase = Phase::Structured;
                    if let Some(v) = self.set.get_str("__structuredAttrs") {
                        return Ok(Step::Force(*v));
                    }
                }
                Phase::Structured => {
                    if self.set.get_str("__structuredAttrs").is_some() {
                        self.structured = boolean(&input)?;
                    }
                    self.phase = Phase::IgnoreNulls;
                    if let Some(v) = self.set.get_str("__ignoreNulls") {
                        return Ok(Step::Force(*v));
                    }
                }
                Phase::IgnoreNulls => {
                    if self.set.get_str("__ignoreNulls").is_some() {
                        self.ignore_nulls = boolean(&input)?;
                    }
                    self.phase = Phase::Attr;
                }
                Phase::Attr => {
                    let Some((key, v)) = self.set.entries().get(self.idx) else {
                        return Ok(Step::Done(self.finish(vm)?));
                    };
                    let key = key.as_str();
                    if key == "__ignoreNulls" || (self.structured && key == "__structuredAttrs") {
                        self.idx += 1;
                        continue;
                    }
                    self.phase = Phase::AttrForced;
                    self.in_attribute = true;
                    return Ok(Step::Force(*v));
                }
                Phase::AttrForced => {
                    let key = self.key();
                    if self.ignore_nulls && matches!(input, Value::Null) {
                        self.next_attr();
                        continue;
                    }
                    // Flags for experimental features: Booleans that are
                    // neither in the environment nor in `__json`.
                    let feature = match key {
                        "__contentAddressed" => Some("ca-derivations"),
                        "__impure" => Some("impure-derivations"),
                        _ => None,
                    };
                    if let Some(feature) = feature {
                        if boolean(&input)? {
                            return Err(Error::eval(format!("experimental Nix feature '{0}' is disabled; use '--extra-experimental-features {0}' to override", feature)).positionless());
                        }
                        self.next_attr();
                        continue;
                    }
                    if key == "args" {
                        self.args = list(&input)?.to_vec();
                        self.arg_idx = 0;
                        self.phase = Phase::ArgsList;
                        continue;
                    }
                    if self.structured {
                        self.phase = Phase::AttrJson;
                        return Ok(Step::Sub(Box::new(
                            crate::print::ToJson::for_structured_attrs(input),
                        )));
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
                            let v = self.set.entries()[self.idx].1.shallow();
                            let names = list(&v)?
                                .iter()
                                .map(|n| super::text_no_context(&n.shallow()))
                                .collect::<Result<Vec<_>>>()?;
                            self.set_outputs(names.into_iter())?;
                        }
                        // The builder may refer to store paths (its context
                        // is already in the JSON's); the others may not.
                        "builder" => {
                            let v = self.set.entries()[self.idx].1.shallow();
                            self.special_attr(key, &string(&v)?.bytes)?;
                        }
                        "system" | "outputHash" | "outputHashAlgo" | "outputHashMode" => {
                            let v = self.set.entries()[self.idx].1.shallow();
                            super::text_no_context(&v)?;
                            self.special_attr(key, &string(&v)?.bytes)?;
                        }
                        _ => {}
                    }
                    self.json.push((key.to_string(), s.bytes.to_vec()));
                    self.next_attr();
                }
                Phase::ArgsList => {
                    if self.arg_idx > 0 {
                        let s = string(&input)?;
                        add_context(&mut self.req.context, &s);
                        self.req.args.push(s.bytes.to_vec());
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

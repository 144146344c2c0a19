//! Built-in functions and the global scope.
//!
//! Each builtin is a [`PrimOpDef`]: a name, an arity, which arguments the VM
//! forces before the call, and a Rust function. A builtin that must call back
//! into Nix code returns a continuation ([`PrimRet::Cont`]) instead of
//! recursing.

use crate::error::{Error, Result};
use crate::gc::Gc;
use crate::symbol::Symbol;
use crate::value::{Attrs, Thunk, ThunkState, Value};
use crate::vm::{Cont, Vm};
use std::collections::HashMap;

pub enum PrimRet {
    /// The result (forced by the VM if it is a thunk).
    Value(Value),
    /// Run this continuation; its result is the builtin's result.
    Cont(Box<dyn Cont>),
}

macro_rules! prim {
    ($name:expr, $arity:expr, $strict:expr, $func:expr) => {
        PrimOpDef {
            name: $name,
            arity: $arity,
            strict: $strict,
            func: $func,
            global: false,
        }
    };
    ($name:expr, $arity:expr, $strict:expr, $func:expr, global) => {
        PrimOpDef {
            name: $name,
            arity: $arity,
            strict: $strict,
            func: $func,
            global: true,
        }
    };
}

// Declared after the macro so every module can use `prim!`.
mod attrs;
pub mod context;
mod control;
mod derivation;
mod fetchers;
mod files;
mod flakes;
mod hash;
mod lists;
mod regex;
mod scoped_import;
mod serial;
mod source_paths;
mod store_paths;
mod strings;
mod versions;

/// Every table of builtins: the core one below and one per module that
/// defines its own.
static TABLES: &[&[PrimOpDef]] = &[
    PRIMOPS,
    context::PRIMOPS,
    derivation::PRIMOPS,
    fetchers::PRIMOPS,
    files::PRIMOPS,
    flakes::PRIMOPS,
    hash::PRIMOPS,
    regex::PRIMOPS,
    scoped_import::PRIMOPS,
    serial::PRIMOPS,
    source_paths::PRIMOPS,
    store_paths::PRIMOPS,
    versions::PRIMOPS,
];

pub type PrimFn = fn(&mut Vm, &mut [Value]) -> Result<PrimRet>;

pub struct PrimOpDef {
    pub name: &'static str,
    pub arity: u8,
    /// Bit i set: argument i is forced before the call.
    pub strict: u8,
    pub func: PrimFn,
    /// Also bound as a global under its plain name (`map`, `throw`, ...);
    /// otherwise only as `__name` and `builtins.name`.
    pub global: bool,
}

pub static PRIMOPS: &[PrimOpDef] = &[
    // types
    prim!("typeOf", 1, 1, |_, a| ok(Value::string(a[0].type_of()))),
    prim!(
        "isNull",
        1,
        1,
        |_, a| ok(Value::Bool(matches!(a[0], Value::Null))),
        global
    ),
    prim!("isInt", 1, 1, |_, a| ok(Value::Bool(matches!(
        a[0],
        Value::Int(_)
    )))),
    prim!("isFloat", 1, 1, |_, a| ok(Value::Bool(matches!(
        a[0],
        Value::Float(_)
    )))),
    prim!("isBool", 1, 1, |_, a| ok(Value::Bool(matches!(
        a[0],
        Value::Bool(_)
    )))),
    prim!("isString", 1, 1, |_, a| ok(Value::Bool(matches!(
        a[0],
        Value::String(_)
    )))),
    prim!("isList", 1, 1, |_, a| ok(Value::Bool(matches!(
        a[0],
        Value::List(_)
    )))),
    prim!("isAttrs", 1, 1, |_, a| ok(Value::Bool(matches!(
        a[0],
        Value::Attrs(_)
    )))),
    prim!("isPath", 1, 1, |_, a| ok(Value::Bool(matches!(
        a[0],
        Value::Path(_)
    )))),
    prim!("isFunction", 1, 1, |_, a| ok(Value::Bool(
        a[0].is_function()
    ))),
    // arithmetic
    prim!("add", 2, 3, |_, a| ok(crate::vm::arith::add_numbers(
        &a[0], &a[1]
    )?)),
    prim!("sub", 2, 3, |_, a| ok(crate::vm::arith::sub(&a[0], &a[1])?)),
    prim!("mul", 2, 3, |_, a| ok(crate::vm::arith::mul(&a[0], &a[1])?)),
    prim!("div", 2, 3, |_, a| ok(crate::vm::arith::div(&a[0], &a[1])?)),
    prim!("lessThan", 2, 3, lists::less_than),
    prim!("bitAnd", 2, 3, |_, a| ok(Value::Int(
        int(&a[0])? & int(&a[1])?
    ))),
    prim!("bitOr", 2, 3, |_, a| ok(Value::Int(
        int(&a[0])? | int(&a[1])?
    ))),
    prim!("bitXor", 2, 3, |_, a| ok(Value::Int(
        int(&a[0])? ^ int(&a[1])?
    ))),
    prim!("ceil", 1, 1, |_, a| ok(Value::Int(float_to_int(
        crate::vm::arith::expect_float(&a[0])?.ceil()
    )))),
    prim!("floor", 1, 1, |_, a| ok(Value::Int(float_to_int(
        crate::vm::arith::expect_float(&a[0])?.floor()
    )))),
    // lists
    prim!("length", 1, 1, |_, a| ok(Value::Int(
        list(&a[0])?.len() as i64
    ))),
    prim!("elemAt", 2, 2, lists::elem_at),
    prim!("head", 1, 1, lists::head),
    prim!("tail", 1, 1, lists::tail),
    prim!("map", 2, 2, lists::map, global),
    prim!("filter", 2, 2, lists::filter),
    prim!("foldl'", 3, 1, lists::foldl),
    prim!("genList", 2, 2, lists::gen_list),
    prim!("concatLists", 1, 1, lists::concat_lists),
    prim!("concatMap", 2, 1, lists::concat_map),
    prim!("elem", 2, 2, lists::elem),
    prim!("any", 2, 1, lists::any),
    prim!("all", 2, 1, lists::all),
    prim!("sort", 2, 2, lists::sort),
    prim!("partition", 2, 1, lists::partition),
    prim!("groupBy", 2, 1, lists::group_by),
    // attribute sets
    prim!("attrNames", 1, 1, attrs::attr_names),
    prim!("attrValues", 1, 1, attrs::attr_values),
    prim!("getAttr", 2, 3, attrs::get_attr),
    prim!("hasAttr", 2, 3, attrs::has_attr),
    prim!("removeAttrs", 2, 3, attrs::remove_attrs, global),
    prim!("listToAttrs", 1, 1, attrs::list_to_attrs),
    prim!("mapAttrs", 2, 2, attrs::map_attrs),
    prim!("intersectAttrs", 2, 3, attrs::intersect_attrs),
    prim!("unsafeGetAttrPos", 2, 3, attrs::unsafe_get_attr_pos),
    prim!("catAttrs", 2, 3, attrs::cat_attrs),
    prim!("zipAttrsWith", 2, 1, attrs::zip_attrs_with),
    prim!("genericClosure", 1, 1, attrs::generic_closure),
    prim!("functionArgs", 1, 1, attrs::function_args),
    // strings
    prim!("toString", 1, 1, strings::to_string, global),
    prim!("stringLength", 1, 1, strings::string_length),
    prim!("substring", 3, 1, strings::substring),
    prim!("concatStringsSep", 2, 1, strings::concat_strings_sep),
    prim!("baseNameOf", 1, 1, strings::base_name_of, global),
    prim!("dirOf", 1, 1, strings::dir_of, global),
    prim!("replaceStrings", 3, 1, strings::replace_strings),
    // control
    prim!("throw", 1, 1, control::throw, global),
    prim!("abort", 1, 1, control::abort, global),
    prim!("seq", 2, 1, control::seq),
    prim!("deepSeq", 2, 1, control::deep_seq),
    prim!("tryEval", 1, 0, control::try_eval),
    prim!("trace", 2, 1, control::trace),
    prim!("traceVerbose", 2, 0, control::trace_verbose),
    prim!("warn", 2, 1, control::warn),
    prim!("break", 1, 0, control::break_, global),
    prim!("addErrorContext", 2, 0, control::add_error_context),
    prim!("import", 1, 1, control::import, global),
];

/// A float rounded to an integer as C++ Nix converts it on x86-64: out of
/// range (and NaN) gives the smallest integer.
fn float_to_int(f: f64) -> i64 {
    const LIMIT: f64 = 9_223_372_036_854_775_808.0; // 2^63
    if f.is_nan() || !(-LIMIT..LIMIT).contains(&f) {
        i64::MIN
    } else {
        f as i64
    }
}

pub fn ok(v: Value) -> Result<PrimRet> {
    Ok(PrimRet::Value(v))
}

fn type_error(v: &Value, want: &str) -> Error {
    crate::error::type_error::expected(want, v)
}

pub fn int(v: &Value) -> Result<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        other => Err(type_error(other, "an integer")),
    }
}

pub fn list(v: &Value) -> Result<Gc<Vec<Value>>> {
    match v {
        Value::List(l) => Ok(*l),
        other => Err(type_error(other, "a list")),
    }
}

pub fn attrset(v: &Value) -> Result<Gc<Attrs>> {
    match v {
        Value::Attrs(a) => Ok(*a),
        other => Err(type_error(other, "a set")),
    }
}

pub fn string(v: &Value) -> Result<Gc<crate::value::NixString>> {
    match v {
        Value::String(s) => Ok(*s),
        other => Err(type_error(other, "a string")),
    }
}

/// A string that must not refer to store paths (Nix's `forceStringNoCtx`:
/// patterns, versions, names, hash algorithms); the message names the
/// first context element as it is stored.
pub fn string_no_context(v: &Value) -> Result<Gc<crate::value::NixString>> {
    let s = string(v)?;
    if let Some(path) = s.context.as_ref().and_then(|c| c.iter().next()) {
        return Err(Error::eval(format!(
            "the string '{}' is not allowed to refer to a store path (such as '{}')",
            s.as_str_lossy(),
            path
        )));
    }
    Ok(s)
}

/// [`string_no_context`], as text.
pub fn text_no_context(v: &Value) -> Result<String> {
    Ok(string_no_context(v)?.as_str_lossy().into_owned())
}

/// Builtins that call their function argument check it up front, as Nix
/// does ("expected a function but found an integer: 1").
pub fn function(v: &Value) -> Result<()> {
    if v.is_function() || matches!(v, Value::Attrs(a) if a.get_str("__functor").is_some()) {
        Ok(())
    } else {
        Err(type_error(v, "a function"))
    }
}

pub fn boolean(v: &Value) -> Result<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        other => Err(type_error(other, "a Boolean")),
    }
}

/// Build the global scope: every builtin, `builtins` itself, and the
/// constants. Built once per evaluator and never changed afterwards.
pub fn globals(search_path: &[(String, String)]) -> HashMap<Symbol, Value> {
    let mut builtins: Vec<(Symbol, Value)> = Vec::new();
    let mut globals: HashMap<Symbol, Value> = HashMap::new();
    for op in TABLES.iter().flat_map(|t| t.iter()) {
        let v = Value::PrimOp(op);
        builtins.push((Symbol::new(op.name), v));
        if op.global {
            globals.insert(Symbol::new(op.name), v);
        } else {
            globals.insert(Symbol::new(&format!("__{}", op.name)), v);
        }
    }
    let nix_path: Vec<Value> = search_path
        .iter()
        .map(|(prefix, path)| {
            Value::attrs(Attrs::from_unsorted(vec![
                (Symbol::new("path"), Value::string(path.as_str())),
                (Symbol::new("prefix"), Value::string(prefix.as_str())),
            ]))
        })
        .collect();
    let constants: Vec<(&str, Value, bool)> = vec![
        ("true", Value::Bool(true), true),
        ("false", Value::Bool(false), true),
        ("null", Value::Null, true),
        ("nixPath", Value::list(nix_path), false),
        ("currentTime", files::current_time(), false),
        ("currentSystem", Value::string("x86_64-linux"), false),
        ("nixVersion", Value::string("2.8.0"), false),
        ("langVersion", Value::Int(6), false),
        ("storeDir", Value::string("/nix/store"), false),
    ];
    for (name, v, plain) in constants {
        // `true`, `false` and `null` are plain globals and also in
        // `builtins` (without a `__` name).
        builtins.push((Symbol::new(name), v));
        if plain {
            globals.insert(Symbol::new(name), v);
        } else {
            globals.insert(Symbol::new(&format!("__{}", name)), v);
        }
    }
    // `builtins.builtins` is `builtins`: a thunk filled in right after the
    // set exists (the one deliberate cycle in the globals).
    let self_ref = Thunk::blackhole();
    builtins.push((Symbol::new("builtins"), Value::Thunk(self_ref)));
    // `derivation` is Nix code that refers to the other globals: it is
    // compiled once they exist, and filled in like `builtins` above.
    let wrapper = Thunk::blackhole();
    builtins.push((Symbol::new("derivation"), Value::Thunk(wrapper)));
    let set = Value::attrs(Attrs::from_unsorted(builtins));
    self_ref.set_state(ThunkState::Done(set));
    globals.insert(Symbol::new("builtins"), set);
    wrapper.set_state(derivation_wrapper(&globals));
    globals.insert(Symbol::new("derivation"), Value::Thunk(wrapper));
    globals
}

/// Compile `derivation.nix` against the globals. The source is ours and
/// fixed, so failing to compile it is a bug that a test catches at once
/// (every corpus case builds the globals); the error is kept in the thunk
/// rather than panicking.
fn derivation_wrapper(globals: &HashMap<Symbol, Value>) -> ThunkState {
    let source = crate::source::Source::new(
        "<nix/derivation-internal.nix>".to_string(),
        derivation::WRAPPER.to_string(),
    );
    let compiled = crate::syntax::parse(&source).and_then(|expr| {
        crate::compiler::compile(
            source.clone(),
            &expr,
            crate::compiler::CompileEnv {
                outer: &[],
                globals,
                base_dir: "/",
                home: None,
            },
        )
    });
    match compiled {
        Ok(proto) => ThunkState::Pending(proto, crate::value::Env::new(0, None)),
        Err(mut e) => match PRIMOPS.iter().find(|op| op.name == "abort") {
            Some(abort) => ThunkState::Apply(
                Value::PrimOp(abort),
                Value::string(std::mem::take(&mut e.message)),
            ),
            None => ThunkState::Done(Value::Null),
        },
    }
}

//! Builtins that make store paths without a derivation: `toFile`,
//! `placeholder`, `storePath`.

use super::{ok, string, PrimOpDef, PrimRet};
use crate::error::{Error, Result};
#[allow(unused_imports)]
use crate::gc::{Trace, Tracer};
use crate::store::STORE_DIR;
use crate::value::{Context, Value};
use crate::vm::coerce::Concat;
use crate::vm::{Cont, Step, Vm};

pub static PRIMOPS: &[PrimOpDef] = &[
    prim!("toFile", 2, 3, to_file),
    prim!("placeholder", 1, 1, placeholder, global),
    prim!("storePath", 1, 1, store_path),
];

/// `toFile name contents`: a text file in the store. Its references are
/// the plain store paths in the contents' context; a derivation (or one of
/// its outputs) cannot be referred to, since the file would then depend on
/// something not built yet.
fn to_file(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let name = string(&a[0])?;
    let contents = string(&a[1])?;
    let name = name.as_str_lossy().into_owned();
    let mut refs = Vec::new();
    for e in contents.context.iter().flat_map(|c| c.iter()) {
        if e.starts_with('=') || e.starts_with('!') {
            return Err(Error::eval(format!(
                "in 'toFile': the file named '{}' must not contain a reference to a derivation but contains ({})",
                name, e
            )));
        }
        refs.push(e.clone());
    }
    let path = vm.store.add_text(&name, &contents.bytes, &refs)?;
    let mut ctx = Context::new();
    ctx.insert(path.clone());
    ok(Value::string_ctx(path.into_bytes(), Some(Box::new(ctx))))
}

/// `placeholder output`: the text a builder finds replaced by the path of
/// that output, `/` and the Nix base-32 SHA-256 of `nix-output:<output>`.
fn placeholder(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let out = string(&a[0])?;
    let mut text = b"nix-output:".to_vec();
    text.extend_from_slice(&out.bytes);
    let h = tangle_store::hash::HashAlgo::Sha256.digest(&text);
    ok(Value::string(format!("/{}", h.to_nix32())))
}

/// `storePath p`: `p` as a string that refers to the store path it names
/// (or lies in), keeping the context `p` had. `p` is coerced like a path
/// (a path, a string, a set with `outPath`). Outside `--eval` mode the
/// store object must be valid ([`crate::store::EvalStore::ensure_valid`]).
fn store_path(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    match &a[0] {
        Value::Path(p) => ok(store_path_of(vm, &p.path, None)?),
        Value::String(s) => ok(store_path_of(vm, &s.as_str_lossy(), s.context.as_deref())?),
        Value::Attrs(_) => Ok(PrimRet::Cont(Box::new(StorePathOfSet {
            coerce: Some(Box::new(Concat::interpolation(vec![a[0]]))),
        }))),
        other => Err(crate::error::type_error::cannot_coerce(other)),
    }
}

/// `storePath` of a set: coerce it to a string first.
struct StorePathOfSet {
    coerce: Option<Box<dyn Cont>>,
}

impl Cont for StorePathOfSet {
    fn trace(&self, t: &mut Tracer) {
        if let Some(c) = &self.coerce {
            c.trace(t);
        }
    }
    fn resume(&mut self, vm: &mut Vm, input: Value) -> Result<Step> {
        if let Some(c) = self.coerce.take() {
            return Ok(Step::Sub(c));
        }
        let s = string(&input)?;
        Ok(Step::Done(store_path_of(
            vm,
            &s.as_str_lossy(),
            s.context.as_deref(),
        )?))
    }
}

fn store_path_of(vm: &Vm, p: &str, context: Option<&Context>) -> Result<Value> {
    if !p.starts_with('/') {
        return Err(Error::eval(format!(
            "string '{}' doesn't represent an absolute path",
            p
        )));
    }
    // A path below a store object is canonicalised first (Nix also
    // resolves symbolic links, which needs the store).
    let p = if super::context::is_store_path(p) {
        p.to_string()
    } else {
        crate::compiler::canon_path(p)
    };
    let in_store = p
        .strip_prefix(STORE_DIR)
        .and_then(|r| r.strip_prefix('/'))
        .filter(|r| !r.is_empty());
    let Some(rest) = in_store else {
        return Err(Error::eval(format!("path '{}' is not in the Nix store", p)));
    };
    let base = rest.split('/').next().unwrap_or(rest);
    let root = format!("{}/{}", STORE_DIR, base);
    if !super::context::is_store_path(&root) {
        return Err(Error::eval(format!("path '{}' is not in the Nix store", p)));
    }
    if vm.store.check_store_paths {
        vm.store.ensure_valid(vm.io.as_ref(), &root)?;
    }
    let mut ctx = context.cloned().unwrap_or_default();
    ctx.insert(root);
    Ok(Value::string_ctx(p.into_bytes(), Some(Box::new(ctx))))
}

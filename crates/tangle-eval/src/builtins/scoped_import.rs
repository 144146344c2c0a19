//! `scopedImport scope path`: `import`, with the attributes of `scope`
//! bound as variables around the whole file (shadowing globals, as
//! `scopedImport { builtins = …; }` relies on). Unlike `import`, the result
//! is not cached: the same file gives different values in different
//! scopes.

use super::{attrset, PrimOpDef, PrimRet};
use crate::error::Result;
use crate::symbol::Symbol;
use crate::value::{Env, Thunk, ThunkState, Value};
use crate::vm::Vm;

pub static PRIMOPS: &[PrimOpDef] = &[prim!("scopedImport", 2, 3, scoped_import, global)];

fn scoped_import(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let scope = attrset(&a[0])?;
    let path = super::control::import_target(vm, super::control::real_path(vm, &a[1])?)?;
    let text = super::control::read_source(vm, &path)?;
    let names: Vec<Symbol> = scope.entries().iter().map(|(k, _)| *k).collect();
    let proto = crate::compile_scoped(vm, &path, text, &names)?;
    let env = Env::new(names.len(), None);
    for (i, (_, v)) in scope.entries().iter().enumerate() {
        // A fresh environment: every slot is empty, so `set` succeeds.
        let _ = env.slot(i).set(*v);
    }
    let file = Thunk::value_of(ThunkState::Pending(proto, env));
    Ok(PrimRet::Cont(Box::new(crate::vm::deep::ImportFile::new(
        file,
    ))))
}

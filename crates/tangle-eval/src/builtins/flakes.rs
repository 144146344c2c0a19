//! The flake builtins of current Nix (`parseFlakeRef`, `flakeRefToString`,
//! `getFlake`): bound as in Nix 2.34, each checking its argument's type
//! and then that the experimental feature `flakes` is enabled, with
//! Nix's error when it is not (its default). Tangle does not read flake
//! references yet: with `flakes` enabled they fail, saying so.

use super::{attrset, string, string_no_context, PrimOpDef, PrimRet};
use crate::error::{Error, Result};
use crate::settings::Features;
use crate::value::Value;
use crate::vm::Vm;

pub static PRIMOPS: &[PrimOpDef] = &[
    prim!("parseFlakeRef", 1, 1, parse_flake_ref),
    prim!("flakeRefToString", 1, 1, flake_ref_to_string),
    prim!("getFlake", 1, 1, get_flake),
];

/// Nix's error while `flakes` is off; Tangle's once it is on.
fn flakes(vm: &Vm, name: &str) -> Result<PrimRet> {
    if !vm.options.features.flakes {
        return Err(Error::eval(Features::disabled_message("flakes")));
    }
    Err(Error::eval(format!(
        "'builtins.{}' cannot be called: flake references are not supported by Tangle yet",
        name
    )))
}

fn parse_flake_ref(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    string_no_context(&a[0])?;
    flakes(vm, "parseFlakeRef")
}

fn flake_ref_to_string(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    attrset(&a[0])?;
    flakes(vm, "flakeRefToString")
}

fn get_flake(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    string(&a[0])?;
    flakes(vm, "getFlake")
}

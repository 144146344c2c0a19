//! The fetchers (`fetchurl`, `fetchTarball`, `fetchGit`, `fetchMercurial`).
//!
//! Tangle never downloads anything, but Nix binds these names, and code
//! such as nixpkgs' `lib` refers to them without calling them; so they are
//! bound to builtins that fail, saying so, when called.

use super::{PrimOpDef, PrimRet};
use crate::error::{Error, Result};

pub static PRIMOPS: &[PrimOpDef] = &[
    // Bound as `__fetchurl`, as Nix binds it; the others by their plain names.
    prim!("fetchurl", 1, 1, |_, _| unsupported("fetchurl")),
    prim!(
        "fetchTarball",
        1,
        1,
        |_, _| unsupported("fetchTarball"),
        global
    ),
    prim!("fetchGit", 1, 1, |_, _| unsupported("fetchGit"), global),
    prim!(
        "fetchMercurial",
        1,
        1,
        |_, _| unsupported("fetchMercurial"),
        global
    ),
];

fn unsupported(name: &str) -> Result<PrimRet> {
    Err(Error::eval(format!(
        "'builtins.{name}' cannot be called: fetchers are not supported by Tangle (it evaluates without network access or a store to download into)"
    )))
}

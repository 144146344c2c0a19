//! Serialisation builtins: `toJSON`, `fromJSON`, `fromTOML`, `toXML`.
//!
//! Writing JSON and XML reuses the printers of `nix-instantiate --json` and
//! `--xml` (`print::ToJson`, `print::xml::ToXml`), which force the value as
//! they go, as continuations. Reading JSON has its own reader (`json`),
//! which follows Nix 2.8's library byte for byte. TOML has its own reader
//! too (`from_toml`): Nix 2.8's toml11 accepts more than TOML 1.0, puts
//! values into tables by its own rules and words every error its own way
//! (titles, places, hints), which a TOML 1.0 crate's parser does not give;
//! the `toml` crate, used before, was dropped once every syntax error the
//! corpus and a 4 800-document mutation run met came out as 2.8's.

mod from_toml;
mod json;

use super::{ok, string, PrimOpDef, PrimRet};
use crate::error::{Error, Result};
use crate::print::xml::ToXml;
use crate::print::ToJson;
use crate::value::{NixString, Value};
use crate::vm::Vm;

pub static PRIMOPS: &[PrimOpDef] = &[
    prim!("toJSON", 1, 0, to_json),
    prim!("fromJSON", 1, 1, from_json),
    prim!("fromTOML", 1, 1, from_toml::from_toml, global),
    prim!("toXML", 1, 0, to_xml),
];

fn to_json(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    Ok(PrimRet::Cont(Box::new(ToJson::new(a[0], true))))
}

fn to_xml(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    Ok(PrimRet::Cont(Box::new(ToXml::new(a[0]))))
}

/// The argument of `fromJSON`/`fromTOML`: a string that refers to no store
/// path.
fn string_no_context(v: &Value) -> Result<crate::gc::Gc<NixString>> {
    let s = string(v)?;
    if let Some(path) = s.context.as_ref().and_then(|c| c.iter().next()) {
        // Context entries are `=path` (derivation closure), `!out!path`
        // (an output) or a plain path.
        let shown = match path.strip_prefix('=') {
            Some(p) => p,
            None if path.starts_with('!') => path.rsplit('!').next().unwrap_or(path),
            None => path,
        };
        return Err(Error::eval(format!(
            "the string '{}' is not allowed to refer to a store path (such as '{}')",
            s.as_str_lossy(),
            shown
        )));
    }
    Ok(s)
}

fn from_json(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = string_no_context(&a[0])?;
    match json::parse(&s.bytes) {
        Ok(v) => ok(v),
        Err(message) => {
            // Nix's error has no position of its own, only this trace entry.
            let mut e = Error::hinted(message);
            e.trace
                .push(("while decoding a JSON string".into(), vm.current_pos()));
            Err(e)
        }
    }
}

//! Serialisation builtins: `toJSON`, `fromJSON`, `fromTOML`, `toXML`.

use super::PrimOpDef;

pub static PRIMOPS: &[PrimOpDef] = &[];

//! Hashing builtins: `hashString`, `hashFile`, `convertHash`.

use super::PrimOpDef;

pub static PRIMOPS: &[PrimOpDef] = &[];

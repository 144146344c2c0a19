//! Version strings: `compareVersions`, `splitVersion`, `parseDrvName`.

use super::PrimOpDef;

pub static PRIMOPS: &[PrimOpDef] = &[];

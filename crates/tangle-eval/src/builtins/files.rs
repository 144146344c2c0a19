//! Files and the environment: reading directories, file types, the clock.

use super::PrimOpDef;

pub static PRIMOPS: &[PrimOpDef] = &[];

//! Regular expressions: `match` and `split` with POSIX extended semantics.

use super::PrimOpDef;

pub static PRIMOPS: &[PrimOpDef] = &[];

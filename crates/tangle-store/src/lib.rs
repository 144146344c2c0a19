//! Nix's store model, with no dependency on the evaluator: hashes and their
//! textual forms, NAR serialisation, store path computation and the
//! derivation ATerm format.
//!
//! | module | concept |
//! |---|---|
//! | [`base32`] | Nix's own base-32 |
//! | [`hash`] | hash algorithms, [`Hash`] and its textual forms, streaming [`Hasher`] |
//! | [`nar`] | the NAR format: writer, in-memory trees, file system dumps with a filter |
//! | [`path`] | [`StorePath`], name rules, store path computation for every kind of object |
//! | [`derivation`] | [`Derivation`]: ATerm printing and parsing, hash modulo, output and `.drv` paths |

pub mod base32;
pub mod derivation;
pub mod hash;
pub mod nar;
pub mod path;

pub use derivation::{Derivation, DerivationError, DerivationOutput};
pub use hash::{compress_hash, Hash, HashAlgo, HashError, HashFormat, Hasher};
pub use nar::{FileKind, NarNode, NarWriter};
pub use path::{FileIngestionMethod, StorePath, StorePathError, DEFAULT_STORE_DIR};

//! Nix's store model, with no dependency on the evaluator: hashes and their
//! textual forms, NAR serialisation, store path computation and the
//! derivation ATerm format.

scopedImport { } ./scoped/nope.nix

(scopedImport { } ./scoped/uses-x.nix).a

scopedImport { x = 0; y = "set"; } ./scoped/uses-y.nix

scopedImport { x = 1; } ./scoped/uses-x.nix

scopedImport { x = 1; builtins = { length = l: 99; }; } ./scoped/uses-x.nix

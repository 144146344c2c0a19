scopedImport { toString = x: "custom"; true = false; } ./scoped/override.nix

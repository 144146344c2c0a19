(scopedImport { x = 1; y = throw "unused"; } ./scoped/uses-x.nix).a

let f = x: (scopedImport { inherit x; } ./scoped/uses-x.nix).a; in [ (f 1) (f 41) ]

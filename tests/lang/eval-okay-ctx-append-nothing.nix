let s = builtins.appendContext "x" { "/nix/store/00000000000000000000000000000000-foo" = { path = false; outputs = []; }; }; in [ s (builtins.hasContext s) ]

let s = builtins.appendContext "x" { "/nix/store/00000000000000000000000000000000-foo" = { path = true; }; }; d = builtins.unsafeDiscardStringContext s; in [ d (builtins.hasContext d) (s == d) ]

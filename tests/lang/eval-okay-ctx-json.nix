let s = builtins.appendContext "x" { "/nix/store/00000000000000000000000000000000-foo" = { path = true; }; }; in builtins.getContext (builtins.toJSON { a = s; })

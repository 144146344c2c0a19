builtins.appendContext "x" { "/nix/store/e0000000000000000000000000000000-foo" = { path = true; }; }

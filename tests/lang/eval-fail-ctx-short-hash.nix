builtins.appendContext "x" { "/nix/store/abc-foo" = { path = true; }; }

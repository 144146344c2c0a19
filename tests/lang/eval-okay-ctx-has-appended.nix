builtins.hasContext (builtins.appendContext "abc" { "/nix/store/00000000000000000000000000000000-foo" = { path = true; }; })

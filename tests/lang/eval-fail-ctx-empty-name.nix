builtins.hasContext (builtins.appendContext "x" { "/nix/store/00000000000000000000000000000000-" = { path = true; }; })

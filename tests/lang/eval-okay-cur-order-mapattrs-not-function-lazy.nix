builtins.attrNames (builtins.mapAttrs 1 { a = 1; })

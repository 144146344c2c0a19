# oracle-skip: 2.8 adds "for call to 'listToAttrs'"; current Nix (2.26) says "attribute 'name' missing"
builtins.listToAttrs [ { name = "a"; value = 1; } { value = 2; } ]

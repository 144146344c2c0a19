# oracle-skip: 2.8 adds "for call to 'getAttr'"; current Nix (2.26) says "attribute 'a' missing"
builtins.getAttr "a" { }

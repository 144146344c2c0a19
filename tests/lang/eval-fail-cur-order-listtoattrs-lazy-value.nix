# oracle-skip: 2.8 adds "for call to 'listToAttrs'"; current Nix (2.26) says "attribute 'value' missing"
builtins.attrNames (builtins.listToAttrs [ { name = "a"; } ])

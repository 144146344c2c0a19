builtins.unsafeGetAttrPos "b" (import ./imports/attrpos.nix)

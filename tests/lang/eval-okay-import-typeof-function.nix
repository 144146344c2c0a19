builtins.typeOf (import ./imports/fn.nix)

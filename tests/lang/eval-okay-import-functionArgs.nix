builtins.functionArgs (import ./imports/fn.nix)

builtins.tryEval (import ./imports/does-not-exist.nix)

builtins.typeOf ("a" + ./imports/value.nix)

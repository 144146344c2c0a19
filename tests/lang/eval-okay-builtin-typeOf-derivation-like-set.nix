builtins.typeOf { type = "derivation"; }

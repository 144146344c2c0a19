builtins.typeOf (-(1.5))

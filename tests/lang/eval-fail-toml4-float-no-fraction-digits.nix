builtins.fromTOML "x = 1."

builtins.fromTOML "x = Inf"

builtins.fromTOML "x = 1e"

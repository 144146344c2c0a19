builtins.fromTOML "x = 1.5e"

builtins.fromTOML "x = .5"

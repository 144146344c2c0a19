builtins.fromTOML "x = na"

builtins.fromTOML "= 1"

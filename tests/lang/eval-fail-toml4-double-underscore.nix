builtins.fromTOML "n = 1__000"

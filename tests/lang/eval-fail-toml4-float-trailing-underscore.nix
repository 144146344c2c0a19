builtins.fromTOML "x = 3.14_"

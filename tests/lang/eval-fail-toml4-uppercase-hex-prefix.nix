builtins.fromTOML "n = 0X1F"

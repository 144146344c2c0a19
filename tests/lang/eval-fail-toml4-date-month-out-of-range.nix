builtins.fromTOML "d = 2000-13-01"

builtins.fromTOML "a = 01"

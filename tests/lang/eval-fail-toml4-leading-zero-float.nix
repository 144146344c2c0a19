builtins.fromTOML "pi = 03.14"

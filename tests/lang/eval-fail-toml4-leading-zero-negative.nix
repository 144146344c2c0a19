builtins.fromTOML "a = -007"

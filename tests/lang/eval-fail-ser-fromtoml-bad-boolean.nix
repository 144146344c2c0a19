builtins.fromTOML "a = tru"

builtins.fromTOML "a = 'abc"

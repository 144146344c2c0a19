builtins.fromTOML "a = [1, x]"

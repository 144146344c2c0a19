builtins.fromTOML "a = 1 # c\rd = 2"

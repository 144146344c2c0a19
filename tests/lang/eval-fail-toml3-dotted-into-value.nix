# a.x after a = 1.
builtins.fromTOML "a = 1\na.x = 2\n"

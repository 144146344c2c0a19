# a = 2 after a.x = 1: the first place is the dotted key.
builtins.fromTOML "a.x = 1\na = 2\n"

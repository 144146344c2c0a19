# A header naming a key that has a value.
builtins.fromTOML "a = 1\n[a]\nb = 2\n"

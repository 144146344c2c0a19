# A header naming a key that a dotted key gave a value.
builtins.fromTOML "a.b = 1\n[a.b]\nc=2\n"

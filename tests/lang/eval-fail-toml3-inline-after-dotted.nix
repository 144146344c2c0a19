# An inline table cannot replace the table a dotted key made.
builtins.fromTOML "a.b = 1\na = {d = 3}\n"

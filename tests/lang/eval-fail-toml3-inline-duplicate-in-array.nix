# Inside an inline table that is an array item.
builtins.fromTOML "x = [ { b = 1, b = \"xyz\" } ]\n"

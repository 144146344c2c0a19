# A dotted key cannot add to an inline table.
builtins.fromTOML "a = {x=1}\na.y = 2\n"

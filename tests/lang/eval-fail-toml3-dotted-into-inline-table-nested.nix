# Inside an inline table, a dotted key cannot add to an inner inline table.
builtins.fromTOML "a = { b = { c = 1 }, b.d = 2 }\n"

# A table made on the way to [[a.b]] cannot be defined by [a].
builtins.fromTOML "[[a.b]]\nx=1\n[a]\ny=2\n"

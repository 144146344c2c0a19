# The type of the value in the way is named.
builtins.fromTOML "d=1979-05-27T07:00:00\n[d.x]\n"

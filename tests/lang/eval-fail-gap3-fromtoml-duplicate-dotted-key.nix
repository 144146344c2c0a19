# A dotted key defined twice, written differently.
builtins.fromTOML "x.y = true # first\nz = 0\n\"x\" . y = 1"

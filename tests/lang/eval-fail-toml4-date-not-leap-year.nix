builtins.fromTOML "d = 2001-02-29"

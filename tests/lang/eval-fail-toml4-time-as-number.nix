builtins.fromTOML "t = 7:32:00"

builtins.fromTOML "a = # none\nb = 1"

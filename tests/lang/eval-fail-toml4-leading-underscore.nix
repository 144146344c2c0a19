builtins.fromTOML "n = _1"

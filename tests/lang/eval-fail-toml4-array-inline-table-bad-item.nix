builtins.fromTOML "a = [{b = 1}, {b = 01}]"

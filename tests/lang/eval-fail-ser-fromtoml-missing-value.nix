builtins.fromTOML "a ="

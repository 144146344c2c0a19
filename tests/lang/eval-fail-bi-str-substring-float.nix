builtins.substring 1 1 1.5

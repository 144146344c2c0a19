builtins.isNull < 1

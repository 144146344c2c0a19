builtins.length

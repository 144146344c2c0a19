builtins.length (x: x)

builtins.length (builtins.add 1)

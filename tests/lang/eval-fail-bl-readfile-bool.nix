builtins.readFile true

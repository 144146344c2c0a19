builtins.any 1 (throw "list")

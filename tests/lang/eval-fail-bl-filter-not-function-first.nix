builtins.filter 1 (throw "list")

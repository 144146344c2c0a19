builtins.foldl' 1 0 (throw "list")

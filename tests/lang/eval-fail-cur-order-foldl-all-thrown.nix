builtins.foldl' (throw "function") (throw "start") (throw "list")

builtins.any (throw "function") (throw "list")

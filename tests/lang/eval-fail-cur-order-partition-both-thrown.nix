builtins.partition (throw "function") (throw "list")

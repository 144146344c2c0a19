builtins.concatMap (throw "function") (throw "list")

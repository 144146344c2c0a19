builtins.seq (throw "first") (throw "second")

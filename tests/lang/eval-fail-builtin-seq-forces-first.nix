builtins.seq (throw "a") 2

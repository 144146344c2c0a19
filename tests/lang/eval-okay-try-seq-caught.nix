builtins.tryEval (builtins.seq (throw "a") 1)

builtins.tryEval (1 / 0)

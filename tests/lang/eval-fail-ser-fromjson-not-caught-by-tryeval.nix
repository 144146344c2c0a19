builtins.tryEval (builtins.fromJSON "[")

builtins.tryEval (builtins.head (map (x: abort "stop") [ 1 ]))

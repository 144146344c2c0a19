builtins.foldl' (a: b: b) (throw "init") [ 1 ]

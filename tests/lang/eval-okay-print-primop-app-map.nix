[ (builtins.map (x: x)) (builtins.foldl' builtins.add 0) ]

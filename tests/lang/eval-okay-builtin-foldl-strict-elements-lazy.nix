builtins.foldl' (a: b: [ b ]) 0 [ 1 (throw "x") 3 ]

[ (builtins.foldl' (a: b: a - b) 10 [ 1 2 ]) (builtins.foldl' (a: b: a ++ [ b ]) [ ] [ 1 2 3 ]) ]

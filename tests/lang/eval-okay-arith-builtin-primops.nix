[ (builtins.add 1 2) (builtins.sub 1 2.5) (builtins.mul 2 3) (builtins.div 7 (-2)) (builtins.add 1 2.0) (builtins.div 1.0 4) ]

[ (builtins.genList (x: x * x) 4) (builtins.genList (x: x) 0) ]

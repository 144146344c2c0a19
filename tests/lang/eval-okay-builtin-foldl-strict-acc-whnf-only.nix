builtins.attrNames (builtins.foldl' (a: b: { x = throw "inner"; }) 0 [ 1 ])

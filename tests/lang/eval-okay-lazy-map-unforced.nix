builtins.length (map (x: throw "x") [ 1 2 ])

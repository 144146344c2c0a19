builtins.foldl' (a: b: if b == 2 then throw "two" else a) 0 [ 1 2 3 ]

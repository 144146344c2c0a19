builtins.foldl' (a: b: if b == 2 then throw "at two" else a + b) 0 [ 1 2 3 ]

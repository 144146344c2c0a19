builtins.tryEval (let f = x: if x == 0 then throw "z" else f (x - 1); in f 5)

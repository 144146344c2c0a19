builtins.foldl' { __functor = self: a: b: a + b; } 0 [ 1 2 3 ]

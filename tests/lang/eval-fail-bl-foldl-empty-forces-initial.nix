builtins.foldl' (a: b: a) (throw "initial") [ ]

builtins.length (builtins.concatMap (x: [ x (throw "no") ]) [ 1 2 ])

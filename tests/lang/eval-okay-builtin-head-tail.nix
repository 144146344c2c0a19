[ (builtins.head [ 1 (throw "x") ]) (builtins.tail [ (throw "x") 2 3 ]) (builtins.tail [ 1 ]) ]

[ (builtins.tryEval (builtins.toJSON [ (throw "x") ])) (builtins.tryEval (builtins.toJSON { a = assert false; 1; })) ]

[ (builtins.tryEval (builtins.toXML [ (throw "x") ])) (builtins.tryEval (builtins.toXML "ok")) ]

map (r: builtins.typeOf r.value) [ (builtins.tryEval (throw "x")) (builtins.tryEval "s") ]

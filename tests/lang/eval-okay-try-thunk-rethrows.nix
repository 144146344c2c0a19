let x = throw "a"; r = builtins.tryEval x; in [ r.success (builtins.tryEval x).success ]

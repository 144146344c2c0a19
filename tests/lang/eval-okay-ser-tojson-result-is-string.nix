let j = builtins.toJSON { a = [ 1 2 ]; }; in [ (builtins.typeOf j) (builtins.stringLength j) j ]

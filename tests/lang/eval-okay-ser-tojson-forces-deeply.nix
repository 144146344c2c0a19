let f = x: x + 1; in builtins.toJSON { a = f 1; b = [ (f 2) { c = f 3; } ]; d = builtins.map f [ 4 5 ]; }

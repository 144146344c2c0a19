let f = x: x * 2; in builtins.toXML { a = f 1; b = builtins.map f [ 1 2 ]; }

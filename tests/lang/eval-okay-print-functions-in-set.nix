{ f = x: x; p = builtins.sub; q = builtins.sub 1; }

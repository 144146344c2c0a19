builtins.any (x: x) [ false 1 ]

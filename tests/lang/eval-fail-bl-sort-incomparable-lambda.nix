builtins.sort (a: b: a < b) [ "a" 1 ]

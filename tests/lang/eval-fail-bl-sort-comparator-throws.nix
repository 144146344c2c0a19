builtins.sort (a: b: if a == 3 || b == 3 then throw "compared 3" else a < b) [ 1 2 3 4 ]

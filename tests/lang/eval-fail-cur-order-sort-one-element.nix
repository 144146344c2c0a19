builtins.sort (throw "comparator") [ 1 ]

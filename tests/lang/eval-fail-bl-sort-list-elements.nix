builtins.sort builtins.lessThan [ [ 1 { } ] [ 1 (x: x) ] ]

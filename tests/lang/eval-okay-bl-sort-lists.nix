builtins.sort builtins.lessThan [ [ 2 ] [ 1 2 ] [ 1 ] [ ] [ 1 1 ] [ 0 9 ] ]

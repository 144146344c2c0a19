builtins.elemAt [ 1 (throw "x") 3 ] 2

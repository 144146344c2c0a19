builtins.elemAt 1 "x"

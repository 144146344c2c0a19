builtins.fromJSON "x"

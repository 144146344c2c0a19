builtins.fromJSON "NaN"

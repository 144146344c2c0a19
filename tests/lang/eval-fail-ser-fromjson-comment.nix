builtins.fromJSON "/* c */ 1"

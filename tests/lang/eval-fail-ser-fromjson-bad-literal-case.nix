builtins.fromJSON "TRUE"

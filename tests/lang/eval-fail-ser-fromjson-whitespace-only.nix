builtins.fromJSON "  \n  "

builtins.fromJSON "\"a\nb\""

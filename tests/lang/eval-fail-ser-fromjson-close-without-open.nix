builtins.fromJSON "}"

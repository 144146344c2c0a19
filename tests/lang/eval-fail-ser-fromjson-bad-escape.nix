builtins.fromJSON "\"a\\x\""

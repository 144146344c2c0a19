builtins.fromJSON "\"\\uD800\""

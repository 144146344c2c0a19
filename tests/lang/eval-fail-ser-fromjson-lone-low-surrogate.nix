builtins.fromJSON "\"\\uDC00\""

builtins.fromJSON "\"\\uD800\\u0041\""

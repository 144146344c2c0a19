builtins.fromJSON "{\n  \"a\": [1,\n    2,\n  ]\n}"

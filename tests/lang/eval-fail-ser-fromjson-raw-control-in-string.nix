builtins.fromJSON "[\"${builtins.fromJSON "\"\\u0001\""}\"]"

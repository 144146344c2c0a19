builtins.toJSON (builtins.fromJSON "\"\\u0001\\b\\f\\u000b\\u001f\\u007f\\u0080\\u2028\"")

# args: --json --strict
builtins.fromJSON "\"\\b\\f\\u0001\\u001f\\u007f\""

builtins.fromJSON "{\"a\":}"

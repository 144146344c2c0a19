builtins.match "a" ./a

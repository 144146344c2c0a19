builtins.findFile [ { prefix = 1; path = "/"; } ] "a"

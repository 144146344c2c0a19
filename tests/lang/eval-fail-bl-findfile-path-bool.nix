builtins.findFile [ { prefix = "a"; path = true; } ] "a"

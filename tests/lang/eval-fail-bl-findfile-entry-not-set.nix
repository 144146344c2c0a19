builtins.findFile [ 1 ] "a"

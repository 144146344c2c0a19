builtins.findFile [ { prefix = "a"; path = toString ./bl-fixtures; } ] "a/missing"

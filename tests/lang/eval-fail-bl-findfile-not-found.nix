builtins.findFile [ { prefix = "a"; path = toString ./bl-fixtures; } ] "ab/file.txt"

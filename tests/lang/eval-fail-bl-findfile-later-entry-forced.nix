builtins.findFile [ { prefix = "a"; path = toString ./bl-fixtures; } (throw "second entry") ] "a/file.txt"

# Every entry is checked before the lookup, even after a match.
builtins.findFile [ { prefix = "a"; path = toString ./bl-fixtures; } { path = 1; } ] "a/file.txt"

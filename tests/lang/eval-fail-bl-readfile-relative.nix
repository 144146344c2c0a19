builtins.readFile "bl-fixtures/file.txt"

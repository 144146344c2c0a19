builtins.readDir ./bl-fixtures/file.txt

builtins.readFile ./bl-fixtures/sub

builtins.readFile ./bl-fixtures/missing

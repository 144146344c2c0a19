builtins.readFile ./bl-fixtures/dangling

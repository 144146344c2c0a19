builtins.readDir ./bl-fixtures/missing

builtins.readDir "bl-fixtures"

builtins.pathExists "bl-fixtures"

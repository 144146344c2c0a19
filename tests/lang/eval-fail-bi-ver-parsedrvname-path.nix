builtins.parseDrvName ./a

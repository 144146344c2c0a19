builtins.parseDrvName { name = "a-1"; }

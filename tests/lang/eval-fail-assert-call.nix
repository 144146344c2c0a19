assert builtins.isInt "x"; 1

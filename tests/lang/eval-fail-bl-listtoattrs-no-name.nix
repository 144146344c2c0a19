builtins.listToAttrs [ { name = "a"; value = 1; } { value = 2; } ]

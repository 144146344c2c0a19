builtins.genList (x: x) "a"

builtins.genList (throw "function") (-1)

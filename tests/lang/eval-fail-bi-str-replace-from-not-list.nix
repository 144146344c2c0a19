builtins.replaceStrings "a" (throw "to") "x"

builtins.genList (throw "function") (throw "length")

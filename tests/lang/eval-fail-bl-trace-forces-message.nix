builtins.trace (throw "message") 1

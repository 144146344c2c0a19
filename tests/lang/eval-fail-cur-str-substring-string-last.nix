builtins.substring 0 1 (throw "string")

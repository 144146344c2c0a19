builtins.partition "f" (throw "list")

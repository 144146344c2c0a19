builtins.all { } (throw "list")

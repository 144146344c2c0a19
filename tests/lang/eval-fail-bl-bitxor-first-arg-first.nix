builtins.bitXor (throw "first") (throw "second")

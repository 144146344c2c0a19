builtins.appendContext "x" [ ]

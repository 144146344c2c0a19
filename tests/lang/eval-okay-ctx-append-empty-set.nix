builtins.hasContext (builtins.appendContext "x" { })

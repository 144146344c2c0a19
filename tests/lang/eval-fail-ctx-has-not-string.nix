builtins.hasContext { }

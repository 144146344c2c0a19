builtins.pathExists ""

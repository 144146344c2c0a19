builtins.readDir 1

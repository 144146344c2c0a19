builtins.fromJSON "[1,2,3]x"

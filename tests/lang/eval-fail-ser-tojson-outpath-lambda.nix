builtins.toJSON { outPath = x: x; }

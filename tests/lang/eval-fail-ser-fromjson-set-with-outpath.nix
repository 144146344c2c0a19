builtins.fromJSON { outPath = "1"; }

builtins.split "a" { outPath = "a"; }

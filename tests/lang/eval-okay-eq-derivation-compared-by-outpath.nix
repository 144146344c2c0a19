{ type = "derivation"; outPath = "a"; x = 1; } == { type = "derivation"; outPath = "a"; x = 2; }

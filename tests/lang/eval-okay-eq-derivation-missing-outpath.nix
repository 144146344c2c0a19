{ type = "derivation"; outPath = "a"; } == { type = "derivation"; }

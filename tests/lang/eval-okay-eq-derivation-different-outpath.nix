{ type = "derivation"; outPath = "a"; } == { type = "derivation"; outPath = "b"; }

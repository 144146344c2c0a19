{ type = "derivation"; outPath = "a"; } == { type = "foo"; outPath = "a"; }

{ outPath = "a"; type = "derivation"; x = throw "no"; } == { outPath = "a"; type = "derivation"; y = throw "no"; }

builtins.toXML { type = "derivation"; drvPath = throw "drvPath is forced"; outPath = throw "outPath"; }

let d = { type = "derivation"; drvPath = "/d.drv"; outPath = "/o"; self = d; }; in builtins.toXML d

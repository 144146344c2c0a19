let d = { type = "derivation"; drvPath = "/d.drv"; outPath = "/o"; }; in
builtins.toXML [ d d (d // { z = throw "never forced"; }) ]

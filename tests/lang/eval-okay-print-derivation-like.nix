{ type = "derivation"; drvPath = "/x"; outPath = "/y"; }

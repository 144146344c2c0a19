# A drvPath that is not a store path.
{ type = "derivation"; name = "x"; drvPath = "/tmp/x.drv"; }

# A drvPath that is not a string.
{ type = "derivation"; name = "x"; drvPath = 1; }

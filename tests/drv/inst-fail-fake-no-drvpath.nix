# A set that says it is a derivation but has no drvPath.
{ type = "derivation"; name = "x"; }

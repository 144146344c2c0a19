# A set with outPath is not a string here: hashString does not coerce.
builtins.hashString "sha256" { outPath = "x"; }

# All names are checked before any drvPath is forced.
[ { type = "derivation"; name = "a"; drvPath = throw "drvPath of the first"; } { type = "derivation"; name = throw "name of the second"; drvPath = "/x"; } ]

builtins.toXML { type = "derivation"; name = "x"; outPath = "/nix/store/x"; drvPath = "/nix/store/y.drv"; }

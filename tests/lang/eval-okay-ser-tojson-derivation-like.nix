builtins.toJSON { type = "derivation"; outPath = "/nix/store/aaaa-x"; drvPath = "/nix/store/bbbb-x.drv"; name = "x"; }

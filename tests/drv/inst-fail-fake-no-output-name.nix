# A derivation without outputName cannot be listed.
{ type = "derivation"; name = "x"; drvPath = "/nix/store/00000000000000000000000000000000-x.drv"; }

# An empty outputName counts as missing.
{ type = "derivation"; name = "x"; drvPath = "/nix/store/00000000000000000000000000000000-x.drv"; outputName = ""; }

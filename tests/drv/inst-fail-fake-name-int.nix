# A derivation name that is not a string.
{ type = "derivation"; name = 1; drvPath = "/nix/store/00000000000000000000000000000000-x.drv"; }

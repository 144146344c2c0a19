# A set that says it is a derivation but has no name.
{ type = "derivation"; drvPath = "/nix/store/00000000000000000000000000000000-x.drv"; }

# args: --xml --no-location --strict
{ type = "derivation"; name = "n"; outPath = "/nix/store/x"; drvPath = "/nix/store/y.drv"; }

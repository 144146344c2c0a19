# args: --xml --no-location --strict
let d = { type = "derivation"; outPath = "/o"; drvPath = "/d.drv"; }; in [ d d ]

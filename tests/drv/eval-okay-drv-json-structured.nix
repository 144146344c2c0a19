# args: --strict --json
# drvAttrs of a structured derivation in JSON, and outPaths.
let
  d = derivation { name = "j"; system = "s"; builder = "b"; __structuredAttrs = true; x = { y = [ 1 2 ]; }; outputs = [ "out" "doc" ]; };
in
{ attrs = d.drvAttrs; out = d.outPath; doc = d.doc.outPath; drv = d.drvPath; }

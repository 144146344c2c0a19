# Attributes named drvPath, outPath, type or outputName are passed to the
# builder like any other; the wrapper's own values win in the result.
let
  d = derivation { name = "user-attrs"; system = "s"; builder = "b"; drvPath = "mine"; outPath = "mine too"; outputName = "x"; all = 1; };
in
assert d.outPath != "mine too";
assert d.outputName == "out";
d

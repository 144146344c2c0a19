# The `derivation` function. `derivationStrict` computes the store paths;
# this turns its result into the set users see: one set per output, each
# with the derivation's attributes, `drvPath`, `outPath`, `outputName`,
# `type = "derivation"`, `all` (every output) and `drvAttrs`.
drvAttrs@{ outputs ? [ "out" ], ... }:
let
  paths = builtins.derivationStrict drvAttrs;
  forOutput = outputName: {
    name = outputName;
    value = shared // {
      inherit outputName;
      type = "derivation";
      drvPath = paths.drvPath;
      outPath = builtins.getAttr outputName paths;
    };
  };
  byOutput = map forOutput outputs;
  shared = drvAttrs // builtins.listToAttrs byOutput // {
    inherit drvAttrs;
    all = map (o: o.value) byOutput;
  };
in
(builtins.head byOutput).value

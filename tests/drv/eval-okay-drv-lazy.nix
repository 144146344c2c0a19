# `derivation` is lazy until drvPath/outPath is needed: attributes that
# would fail are not looked at to get name, type or drvAttrs.
let
  d = derivation { name = "lazy"; system = "s"; builder = "b"; bad = throw "never"; };
in
[ d.name d.type d.outputName (builtins.attrNames d.drvAttrs) (builtins.tryEval d.drvPath).success ]

# Derivations compare by their outPath; the same attributes give the same
# derivation.
let
  mk = x: derivation { name = "eq"; system = "s"; builder = "b"; inherit x; };
in
[ (mk 1 == mk 1) (mk 1 == mk 2) ((mk 1).outPath == (mk 1).outPath) ((mk 1).drvPath == (mk "1").drvPath) ]

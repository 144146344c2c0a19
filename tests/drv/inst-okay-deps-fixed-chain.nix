# A fixed-output derivation that depends on another fixed-output one, and
# on a normal derivation; a normal derivation on top.
let
  tool = derivation { name = "tool"; system = "s"; builder = "b"; outputs = [ "out" "bin" ]; };
  a = derivation { name = "fod-a"; system = "s"; builder = "${tool.bin}/fetch"; outputHash = "sha256-rc95GuKAPAwQ8Nq5xDDDmsWAv5XWqDSiSPTe3XLGlmU="; };
  b = derivation { name = "fod-b"; system = "s"; builder = "b"; input = a; outputHashMode = "recursive"; outputHash = "sha1-Oh82wzp6DEiF88uTHKUsTGH3ZYw="; };
in
derivation { name = "top"; system = "s"; builder = "b"; inherit a b; drvs = [ a.drvPath b.drvPath ]; }

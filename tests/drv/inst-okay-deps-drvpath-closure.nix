# Depending on a drvPath brings the whole closure of that .drv in: every
# derivation in it with all its outputs, and each of their sources.
let
  src = builtins.toFile "src.txt" "source";
  a = derivation { name = "a"; system = "s"; builder = "b"; outputs = [ "out" "bin" ]; inherit src; };
  b = derivation { name = "b"; system = "s"; builder = "b"; dep = a.bin; file = ./fixtures/file.txt; };
  c = derivation { name = "c"; system = "s"; builder = "b"; dep = b; };
in
derivation { name = "top"; system = "s"; builder = "b"; drv = c.drvPath; }

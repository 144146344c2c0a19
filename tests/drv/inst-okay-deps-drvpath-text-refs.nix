# The closure a drvPath brings in follows the references of toFile texts
# too, not only those of .drv files.
let
  inner = builtins.toFile "inner" "inner text";
  outer = builtins.toFile "outer" "uses ${inner} and ${./fixtures/file.txt}";
  d = derivation { name = "d"; system = "s"; builder = "b"; script = outer; };
in
derivation { name = "top"; system = "s"; builder = "b"; drv = d.drvPath; }

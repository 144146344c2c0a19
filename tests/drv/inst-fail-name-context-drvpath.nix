# The name error shows the first context element as Nix stores it.
let d = derivation { name = "d"; system = "s"; builder = "b"; }; in derivation { name = builtins.substring 0 3 "abc${d.drvPath}"; system = "s"; builder = "b"; }

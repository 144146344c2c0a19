# toFile cannot refer to a derivation output.
let d = derivation { name = "d"; system = "s"; builder = "b"; }; in derivation { name = "n"; system = "s"; builder = "b"; f = builtins.toFile "f" "${d}"; }

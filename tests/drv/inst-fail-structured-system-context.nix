# With structured attributes, system must not refer to store paths.
let d = derivation { name = "d"; system = "s"; builder = "b"; }; in derivation { name = "n"; system = "${d}"; builder = "b"; __structuredAttrs = true; }

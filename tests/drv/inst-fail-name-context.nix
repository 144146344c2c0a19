# The name must not refer to a store path.
let d = derivation { name = "d"; system = "s"; builder = "b"; }; in derivation { name = "x-${d}"; system = "s"; builder = "b"; }

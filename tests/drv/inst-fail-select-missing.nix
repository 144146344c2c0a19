# -A names an attribute that does not exist.
# args: -A b
let x = 1; in { a = derivation { name = "a"; system = "s"; builder = "b"; }; }

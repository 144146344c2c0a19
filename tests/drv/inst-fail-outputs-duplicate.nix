# The same output twice.
derivation { name = "n"; system = "s"; builder = "b"; outputs = [ "out" "dev" "out" ]; }

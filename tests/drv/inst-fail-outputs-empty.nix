# An empty list of outputs.
derivation { name = "n"; system = "s"; builder = "b"; outputs = [ ]; }

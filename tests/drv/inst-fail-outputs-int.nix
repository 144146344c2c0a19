# outputs elements must be strings.
derivation { name = "n"; system = "s"; builder = "b"; outputs = [ 1 ]; }

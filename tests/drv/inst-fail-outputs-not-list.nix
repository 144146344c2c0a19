# outputs must be a list for the derivation wrapper.
derivation { name = "n"; system = "s"; builder = "b"; outputs = "out"; }

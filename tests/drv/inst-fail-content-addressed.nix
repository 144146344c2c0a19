# __contentAddressed needs an experimental feature.
derivation { name = "n"; system = "s"; builder = "b"; __contentAddressed = true; }

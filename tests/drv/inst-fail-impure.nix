# __impure needs an experimental feature.
derivation { name = "n"; system = "s"; builder = "b"; __impure = true; }

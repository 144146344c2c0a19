# A function cannot be an environment variable.
derivation { name = "n"; system = "s"; builder = "b"; f = x: x; }

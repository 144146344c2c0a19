# A set cannot be an environment variable.
derivation { name = "n"; system = "s"; builder = "b"; meta = { description = "x"; }; }

# The empty name.
derivation { name = ""; system = "s"; builder = "b"; }

# A set in an attribute, found when the derivation is printed strictly.
derivation { name = "n"; system = "s"; builder = "b"; meta = { }; }

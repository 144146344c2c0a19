# A derivation without a system.
derivation { name = "n"; builder = "b"; }
